package dev.finpilot.insight;

import dev.finpilot.domain.ValueBasis;
import java.util.List;

/**
 * The risk analytics of one plan version (docs/insight.md section 4). The tails and drawdowns come
 * from the version's own projection, rerun with its seed and paths, so they agree with its stored
 * bands; the ratios from the embedded annual history; the concentration from the household's
 * accounts and the plan's allocation.
 *
 * @param basis the basis of every dollar amount
 * @param tails one-year and horizon value at risk and expected shortfall
 * @param ratios the allocation of the plan's first year and the one it holds at the goal date
 * @param holdings what is known of the household's own holdings by asset class
 */
public record RiskReport(
    int version,
    String goal,
    String model,
    long seed,
    int paths,
    int years,
    ValueBasis basis,
    List<RiskTail> tails,
    RiskDrawdown drawdown,
    List<RiskRatios> ratios,
    RiskConcentration accounts,
    RiskConcentration assetClasses,
    String holdings,
    RiskSequence sequence) {

  public RiskReport {
    tails = List.copyOf(tails);
    ratios = List.copyOf(ratios);
  }

  /** The tail of one measure. */
  public RiskTail tail(RiskTail.Measure measure) {
    return tails.stream().filter(t -> t.measure() == measure).findFirst().orElseThrow();
  }
}
