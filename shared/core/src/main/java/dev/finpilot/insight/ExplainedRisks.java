package dev.finpilot.insight;

import static dev.finpilot.planning.Format.dollars;
import static dev.finpilot.planning.Format.percent;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.projection.YearBand;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.Guidelines;
import dev.finpilot.verification.VerificationPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The main risks: the projection's success, shortfall and depletion, the equity share against the
 * risk tolerance, and the findings still open.
 */
final class ExplainedRisks {

  private static final String PROJECTION = "the version's projection";

  private ExplainedRisks() {}

  static Explanation.Section of(PlanSubject subject) {
    List<String> paragraphs = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    PlanProjection p = subject.projection();
    paragraphs.add(success(p, facts));
    paragraphs.add(shortfall(p, subject.request().state().age(), facts));
    if (!p.bands().isEmpty()) {
      paragraphs.add(range(p.bands().get(p.bands().size() - 1), facts));
    }
    paragraphs.add(equity(subject, facts));
    paragraphs.add(openFindings(subject));
    return new Explanation.Section("The main risks", paragraphs, facts);
  }

  private static String success(PlanProjection p, List<Fact> facts) {
    VerificationPolicy policy = VerificationPolicy.defaults();
    double success = p.successProbability();
    String min = percent(policy.minSuccessProbability());
    String comfortable = percent(policy.comfortableSuccessProbability());
    String band =
        success < policy.minSuccessProbability()
            ? "below the "
                + min
                + " minimum, so the plan is replanned ("
                + comfortable
                + " is comfortable)"
            : success < policy.comfortableSuccessProbability()
                ? "between the "
                    + min
                    + " minimum and the "
                    + comfortable
                    + " comfortable level, so the plan is watched"
                : "at or above the "
                    + comfortable
                    + " comfortable level (the minimum is "
                    + min
                    + ")";
    facts.add(new Fact("projection.successProbability", percent(success), PROJECTION));
    facts.add(new Fact("projection.paths", String.format(Locale.US, "%,d", p.paths()), PROJECTION));
    facts.add(new Fact("projection.seed", Long.toString(p.seed()), PROJECTION));
    facts.add(new Fact("policy.minSuccessProbability", min, Guidelines.SUCCESS_PROBABILITY.text()));
    facts.add(
        new Fact(
            "policy.comfortableSuccessProbability",
            comfortable,
            Guidelines.SUCCESS_PROBABILITY.text()));
    return "Of "
        + String.format(Locale.US, "%,d", p.paths())
        + " simulated markets (seed "
        + p.seed()
        + ", "
        + p.model()
        + "), "
        + percent(success)
        + " reach the target of "
        + dollars(p.targetAmount())
        + " ("
        + basis(p)
        + ") by "
        + p.targetDate()
        + ": "
        + band
        + ".";
  }

  private static String shortfall(PlanProjection p, int age, List<Fact> facts) {
    facts.add(
        new Fact("projection.shortfallProbability", percent(p.shortfallProbability()), PROJECTION));
    String text;
    if (p.shortfallProbability() == 0) {
      text = "No simulated market (0.0%) falls short of the target";
    } else {
      facts.add(new Fact("projection.medianShortfall", dollars(p.medianShortfall()), PROJECTION));
      facts.add(new Fact("projection.meanShortfall", dollars(p.meanShortfall()), PROJECTION));
      text =
          percent(p.shortfallProbability())
              + " fall short; those miss the target by "
              + dollars(p.medianShortfall())
              + " at the median and "
              + dollars(p.meanShortfall())
              + " on average";
    }
    facts.add(
        new Fact("projection.depletionProbability", percent(p.depletionProbability()), PROJECTION));
    if (p.depletionProbability() == 0) {
      return text + ", and none (0.0%) runs out of money before the goal date.";
    }
    String when =
        p.medianDepletionYear() == null
            ? ""
            : ", half of those by plan year "
                + p.medianDepletionYear()
                + " (age "
                + (age + p.medianDepletionYear())
                + ")";
    if (p.medianDepletionYear() != null) {
      facts.add(
          new Fact(
              "projection.medianDepletionYear", p.medianDepletionYear().toString(), PROJECTION));
    }
    return text + "; " + percent(p.depletionProbability()) + " run out of money" + when + ".";
  }

  private static String range(YearBand last, List<Fact> facts) {
    facts.add(new Fact("projection.p10AtGoal", dollars(last.p10()), PROJECTION));
    facts.add(new Fact("projection.p50AtGoal", dollars(last.p50()), PROJECTION));
    facts.add(new Fact("projection.p90AtGoal", dollars(last.p90()), PROJECTION));
    return "At age "
        + last.age()
        + " the middle 80% of outcomes lie between "
        + dollars(last.p10())
        + " and "
        + dollars(last.p90())
        + ", with a median of "
        + dollars(last.p50())
        + ".";
  }

  private static String equity(PlanSubject subject, List<Fact> facts) {
    FinancialState state = subject.request().state();
    RiskTolerance tolerance = state.riskTolerance();
    BigDecimal equity = subject.plan().glidePath().allocationAt(state.age()).equityShare();
    BigDecimal cap = tolerance.maxEquityShare();
    facts.add(
        new Fact(
            "plan.equityShareToday", ExplanationText.percent(equity), "the version's glide path"));
    facts.add(
        new Fact(
            "riskTolerance.equityCap",
            ExplanationText.percent(cap),
            Guidelines.RISK_TOLERANCE.text()));
    int cmp = equity.compareTo(cap);
    return "The portfolio starts at "
        + ExplanationText.percent(equity)
        + " equities, "
        + (cmp > 0 ? "above" : cmp == 0 ? "at" : "within")
        + " the "
        + ExplanationText.percent(cap)
        + " cap for a "
        + tolerance.name().toLowerCase(Locale.ROOT)
        + " investor; equities are where both the growth and the losses of a bad year come from.";
  }

  private static String openFindings(PlanSubject subject) {
    if (subject.verification() == null) {
      return "The version has not been verified yet, so no findings are known.";
    }
    List<Finding> open = subject.verification().violations();
    if (open.isEmpty()) {
      return "No verification finding is open: the plan is "
          + subject.verification().outcome()
          + ".";
    }
    return "Open findings ("
        + subject.verification().outcome()
        + "): "
        + open.stream()
            .map(f -> f.code() + " (" + f.severity() + ")")
            .collect(Collectors.joining(", "))
        + "; the rules below give their limits and sources.";
  }

  private static String basis(PlanProjection p) {
    return switch (p.targetBasis()) {
      case TODAYS_DOLLARS -> "in today's dollars";
      case NOMINAL -> "in dollars of the day";
    };
  }
}
