package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The request a relaxation becomes and the order proposals are tried in, on the fixture household:
 * retiring at 65 with $1,500,000 in 30 years (2056-01-05), $1,000 of discretionary spending a
 * month, a moderate risk tolerance (70% equities at most).
 */
class RelaxationProposalTest {

  private static final PlanningRequest REQUEST = FinancialStateFixtures.request();
  private static final double MIN = 0.70;

  private static final Relaxation SAVE_150 =
      new Relaxation(Relaxation.Kind.INCREASE_SAVINGS, "save", Money.usd(150), null, 0.71);
  private static final Relaxation SIX_YEARS =
      new Relaxation(Relaxation.Kind.EXTEND_GOAL_DATE, "later", null, 6, 0.72);
  private static final Relaxation TARGET_1_1M =
      new Relaxation(Relaxation.Kind.LOWER_TARGET, "lower", Money.usd(1_100_000), null, 0.71);
  private static final Relaxation AGGRESSIVE =
      new Relaxation(Relaxation.Kind.ACCEPT_MORE_RISK, "risk", null, null, 0.75);

  @Test
  void theSmallestShareOfTheOwnersOwnFigureComesFirst() {
    List<RelaxationProposal> ranked =
        RelaxationProposal.ranked(
            REQUEST, List.of(AGGRESSIVE, TARGET_1_1M, SIX_YEARS, SAVE_150), MIN);

    // 150 / 1,000 = 0.15; 6 / 30 = 0.20; 400,000 / 1,500,000 = 0.267; (1.00 - 0.70) / 0.70 = 0.429
    assertThat(ranked)
        .extracting(RelaxationProposal::relaxation)
        .containsExactly(SAVE_150, SIX_YEARS, TARGET_1_1M, AGGRESSIVE);
    assertThat(ranked)
        .extracting(RelaxationProposal::share)
        .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
        .containsExactly(0.15, 0.2, 0.4 / 1.5, 0.3 / 0.7);
  }

  @Test
  void eachRelaxationChangesOnlyItsOwnFigure() {
    List<RelaxationProposal> ranked =
        RelaxationProposal.ranked(
            REQUEST, List.of(SAVE_150, SIX_YEARS, TARGET_1_1M, AGGRESSIVE), MIN);

    PlanningRequest thrifty = ranked.get(0).request();
    assertThat(thrifty.state().expenses().discretionary()).isEqualTo(Money.usd(850));
    assertThat(thrifty.goals()).isEqualTo(REQUEST.goals());
    assertThat(ranked.get(0).change())
        .isEqualTo(
            "saves $150.00 a month more toward 'retire at 65', discretionary spending falling"
                + " from $1,000.00 to $850.00");

    PlanningRequest later = ranked.get(1).request();
    Goal moved = later.goals().get(0);
    assertThat(moved.targetDate()).isEqualTo(LocalDate.of(2062, 1, 5));
    assertThat(moved.targetAmount()).isEqualTo(Money.usd(1_500_000));
    assertThat(later.state().plannedRetirementAge()).isEqualTo(71);
    assertThat(later.state().expenses()).isEqualTo(REQUEST.state().expenses());
    assertThat(ranked.get(1).change())
        .isEqualTo(
            "moves 'retire at 65' from 2056-01-05 to 2062-01-05 (6 years later, retiring at 71"
                + " instead of 65)");

    PlanningRequest lower = ranked.get(2).request();
    assertThat(lower.goals().get(0).targetAmount()).isEqualTo(Money.usd(1_100_000));
    assertThat(lower.goals().get(0).targetDate()).isEqualTo(REQUEST.goals().get(0).targetDate());
    assertThat(ranked.get(2).change())
        .isEqualTo("lowers the target of 'retire at 65' from $1,500,000 to $1,100,000");

    PlanningRequest riskier = ranked.get(3).request();
    assertThat(riskier.state().riskTolerance()).isEqualTo(RiskTolerance.AGGRESSIVE);
    assertThat(riskier.goals()).isEqualTo(REQUEST.goals());
    assertThat(ranked.get(3).change())
        .isEqualTo(
            "takes an aggressive risk tolerance instead of moderate (up to 100% equities instead"
                + " of 70%)");
    for (RelaxationProposal p : ranked) {
      assertThat(p.request().validate()).as(p.change()).isEmpty();
      assertThat(p.request().asOf()).isEqualTo(REQUEST.asOf());
    }
  }

  @Test
  void onlyRelaxationsThatReachTheMinimumAndThatTheRequestCanTakeAreProposed() {
    List<Relaxation> none =
        List.of(
            new Relaxation(Relaxation.Kind.ACCEPT_MORE_RISK, "risk", null, null, 0.60),
            new Relaxation(Relaxation.Kind.EXTEND_GOAL_DATE, "later", null, 15, null),
            new Relaxation(Relaxation.Kind.REDUCE_EXPENSES, "cut", Money.usd(200), null, null),
            new Relaxation(Relaxation.Kind.RESOLVE_FINDING, "fix", null, null, null),
            new Relaxation(
                Relaxation.Kind.INCREASE_SAVINGS,
                "more than there is",
                Money.usd(1_001),
                null,
                0.9));

    assertThat(RelaxationProposal.ranked(REQUEST, none, MIN)).isEmpty();
    assertThat(RelaxationProposal.ranked(REQUEST, List.of(SIX_YEARS), 0.73)).isEmpty();
    assertThat(RelaxationProposal.ranked(REQUEST, List.of(SIX_YEARS), MIN).get(0).share())
        .isCloseTo(0.2, Offset.offset(1e-12));
  }
}
