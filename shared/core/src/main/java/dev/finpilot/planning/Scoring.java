package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.verification.VerificationPolicy;
import dev.finpilot.verification.VerificationReport;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Scores a projected, verified candidate in [0, 1]:
 *
 * <pre>
 * score = (1 - verification risk score)
 *       x (0.40 success + 0.15 shortfall + 0.15 risk fit + 0.10 liquidity
 *          + 0.10 tax efficiency + 0.10 other goals)
 * </pre>
 *
 * Every component is in [0, 1]; docs/planning.md defines each.
 */
final class Scoring {

  static final double SUCCESS = 0.40;
  static final double SHORTFALL = 0.15;
  static final double RISK_FIT = 0.15;
  static final double LIQUIDITY = 0.10;
  static final double TAX = 0.10;
  static final double OTHER_GOALS = 0.10;

  /** The glide path a risk-neutral planner would hold for the horizon (target-date funds). */
  static final Strategy.EquityPath REFERENCE_PATH = new Strategy.EquityPath("0.90", "0.50", "0.30");

  /** A score with its parts, each in [0, 1]. */
  record Score(
      double total,
      double success,
      double shortfall,
      double riskFit,
      double liquidity,
      double taxEfficiency,
      double otherGoals,
      double verification) {

    String explain() {
      return "score "
          + Format.score(total)
          + " = verification "
          + Format.score(verification)
          + " x (0.40 success "
          + Format.score(success)
          + " + 0.15 shortfall "
          + Format.score(shortfall)
          + " + 0.15 risk fit "
          + Format.score(riskFit)
          + " + 0.10 liquidity "
          + Format.score(liquidity)
          + " + 0.10 tax "
          + Format.score(taxEfficiency)
          + " + 0.10 other goals "
          + Format.score(otherGoals)
          + ")";
    }
  }

  private Scoring() {}

  static Score score(
      Draft draft,
      ProjectionResult projection,
      VerificationReport report,
      FinancialState state,
      VerificationPolicy policy,
      LocalDate asOf) {
    double success = clamp(projection.successProbability());
    double shortfall = shortfall(draft, projection);
    double riskFit = riskFit(draft, state, asOf);
    double liquidity = liquidity(draft, state, policy);
    double tax = taxEfficiency(draft);
    List<GoalCheck> checks = draft.otherGoals().checks();
    double goals =
        checks.isEmpty()
            ? 1.0
            : checks.stream().mapToDouble(GoalCheck::fundedShare).average().orElse(1);
    double verification = clamp(1.0 - report.riskScore());
    double weighted =
        SUCCESS * success
            + SHORTFALL * shortfall
            + RISK_FIT * riskFit
            + LIQUIDITY * liquidity
            + TAX * tax
            + OTHER_GOALS * goals;
    return new Score(
        clamp(verification * weighted),
        success,
        shortfall,
        riskFit,
        liquidity,
        tax,
        goals,
        verification);
  }

  /** One less the expected shortfall (probability times mean shortfall) over the target. */
  static double shortfall(Draft draft, ProjectionResult projection) {
    double target = draft.primary().goal().target().toDouble();
    if (target <= 0) {
      return 1.0;
    }
    double expected = projection.shortfall().probability() * projection.shortfall().mean();
    return clamp(1.0 - expected / target);
  }

  /** The tolerance's preferred equity share: the middle of its band. */
  static BigDecimal preferredEquity(RiskTolerance tolerance) {
    return switch (tolerance) {
      case CONSERVATIVE -> new BigDecimal("0.30");
      case MODERATE -> new BigDecimal("0.60");
      case AGGRESSIVE -> new BigDecimal("0.85");
    };
  }

  /**
   * How close today's equity share is to the preferred one: the tolerance's preference, lowered to
   * the reference glide path's share for the goal's horizon. 1 at the preference, 0 at the farthest
   * possible share.
   */
  static double riskFit(Draft draft, FinancialState state, LocalDate asOf) {
    ProjectedGoal primary = draft.primary().goal();
    long months = Math.max(0, ChronoUnit.MONTHS.between(asOf, primary.date()));
    BigDecimal horizon =
        GlidePathBuilder.equityShare(
            REFERENCE_PATH, (int) (months / 12), primary.type() == GoalType.RETIREMENT);
    double preferred = preferredEquity(state.riskTolerance()).min(horizon).doubleValue();
    double actual = draft.plan().glidePath().allocationAt(state.age()).equityShare().doubleValue();
    double worst = Math.max(preferred, 1.0 - preferred);
    return clamp(1.0 - Math.abs(actual - preferred) / worst);
  }

  /**
   * Cash a year from now (today's cash plus twelve months of planned cash saving, up to the target)
   * over the policy's emergency-fund months of essential expenses; 1 with no expenses.
   */
  static double liquidity(Draft draft, FinancialState state, VerificationPolicy policy) {
    Money required = state.expenses().essential().times(policy.emergencyFundMonths());
    if (!required.isPositive()) {
      return 1.0;
    }
    Money cashMonthly = draft.waterfall().cashSaving();
    Money inAYear =
        state
            .balance(AccountType.CASH)
            .plus(cashMonthly.times(12))
            .min(draft.plan().emergencyFundTarget().max(required));
    return clamp(inAYear.toDouble() / required.toDouble());
  }

  /**
   * The tax-advantaged share of invested saving (employer match included); 1 when nothing is
   * invested, as there is nothing to shelter.
   */
  static double taxEfficiency(Draft draft) {
    Waterfall waterfall = draft.waterfall();
    Money sheltered = waterfall.employerMatch();
    Money invested = waterfall.employerMatch();
    for (Slice s : waterfall.slices()) {
      if (s.isDebt() || s.account() == AccountType.CASH) {
        continue;
      }
      invested = invested.plus(s.monthly());
      if (s.account().isTaxAdvantaged()) {
        sheltered = sheltered.plus(s.monthly());
      }
    }
    return invested.isPositive() ? clamp(sheltered.toDouble() / invested.toDouble()) : 1.0;
  }

  static double clamp(double value) {
    if (Double.isNaN(value)) {
      return 0.0;
    }
    return Math.max(0.0, Math.min(1.0, value));
  }
}
