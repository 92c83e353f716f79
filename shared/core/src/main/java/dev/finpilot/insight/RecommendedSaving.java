package dev.finpilot.insight;

import static dev.finpilot.planning.Format.dollars;
import static dev.finpilot.planning.Format.percent;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.projection.CashFlow;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionInputs;
import dev.finpilot.projection.ReturnGenerator;
import dev.finpilot.verification.Guidelines;
import dev.finpilot.verification.VerificationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The extra monthly saving that lifts a projection below the comfortable success level to it, found
 * on the version's own projection (same seed, same markets): bisection on at most {@link
 * #SEARCH_PATHS} paths aiming {@link #MARGIN} above the level, rounded up to ten dollars, then
 * projected once more on the version's full path count, whose success is the one reported.
 */
final class RecommendedSaving {

  static final int SEARCH_PATHS = 2_000;
  static final double MARGIN = 0.01;
  static final int BISECTION_STEPS = 16;

  /** Doublings of the first guess before the goal counts as out of reach of saving alone. */
  static final int MAX_DOUBLINGS = 12;

  private final PlanSubject subject;
  private final ProjectionInputs inputs;
  private final ReturnGenerator generator;

  RecommendedSaving(PlanSubject subject) {
    this.subject = subject;
    this.inputs = subject.projection().inputs();
    this.generator = subject.generator();
  }

  Optional<Recommendation> recommend(VerificationPolicy policy) {
    double level = policy.comfortableSuccessProbability();
    double success = subject.projection().successProbability();
    if (success >= level || inputs.targetAmount() <= 0) {
      return Optional.empty();
    }
    return monthlyNeeded(Math.min(1.0, level + MARGIN))
        .map(monthly -> recommendation(monthly, success, level, policy));
  }

  /** The success with {@code monthly} dollars more saved every month, in today's dollars. */
  double success(double monthly, int paths) {
    var request = inputs.toRequest(generator).paths(paths);
    if (monthly > 0) {
      request.cashFlow(
          CashFlow.contribution(
              monthly * 12,
              inputs.startAge(),
              inputs.startAge() + inputs.years(),
              ValueBasis.TODAYS_DOLLARS));
    }
    return ProjectionEngine.project(request.build()).successProbability();
  }

  private Optional<Money> monthlyNeeded(double aim) {
    int paths = Math.min(inputs.paths(), SEARCH_PATHS);
    double hi = Math.max(100.0, inputs.targetAmount() / (12.0 * Math.max(1, inputs.years())));
    int doublings = 0;
    while (success(hi, paths) < aim) {
      if (++doublings > MAX_DOUBLINGS) {
        return Optional.empty();
      }
      hi *= 2;
    }
    double lo = 0;
    for (int i = 0; i < BISECTION_STEPS; i++) {
      double mid = (lo + hi) / 2;
      if (success(mid, paths) >= aim) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    BigDecimal tens = BigDecimal.valueOf(hi / 10).setScale(0, RoundingMode.CEILING);
    return Optional.of(Money.usd(tens.multiply(BigDecimal.TEN)));
  }

  private Recommendation recommendation(
      Money monthly, double success, double level, VerificationPolicy policy) {
    double lifted = success(monthly.toDouble(), inputs.paths());
    String goal = subject.projection().goal();
    String projection = "the version's projection (seed " + inputs.seed() + ")";
    List<Fact> data =
        List.of(
            new Fact("successProbability", percent(success), projection),
            new Fact("comfortableLevel", percent(level), Guidelines.SUCCESS_PROBABILITY.text()),
            new Fact(
                "minimumLevel",
                percent(policy.minSuccessProbability()),
                Guidelines.SUCCESS_PROBABILITY.text()),
            new Fact("extraMonthlySaving", monthly.formatted(), "bisection on the projection"),
            new Fact("successWithSaving", percent(lifted), projection),
            new Fact("target", dollars(inputs.targetAmount()), projection),
            new Fact("paths", String.format(Locale.US, "%,d", inputs.paths()), projection));
    return new Recommendation(
        0,
        Recommendation.Kind.SUCCESS_PROBABILITY,
        "Save " + monthly.formatted() + " more a month to reach " + percent(level) + " success",
        "'"
            + goal
            + "' succeeds in "
            + percent(success)
            + " of the simulated markets, below the "
            + percent(level)
            + " comfortable level (the minimum is "
            + percent(policy.minSuccessProbability())
            + "). Saving "
            + monthly.formatted()
            + " more a month, in today's dollars, lifts it to "
            + percent(lifted)
            + " on the same "
            + String.format(Locale.US, "%,d", inputs.paths())
            + " markets.",
        monthly,
        "extra saving a month",
        "a plan should succeed in at least " + percent(level) + " of simulated markets",
        Guidelines.SUCCESS_PROBABILITY,
        data,
        new Change(null, monthly, null, null, null, null),
        "Projects " + monthly.formatted() + " more a month toward '" + goal + "'.");
  }
}
