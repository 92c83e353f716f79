package dev.finpilot.planning;

import dev.finpilot.domain.Money;
import dev.finpilot.planning.ContributionRoom.LimitGroup;
import dev.finpilot.verification.RuleCode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the planner changes to address a verifier finding. Each repair only ever makes a plan
 * smaller or safer; a higher escalation level (later replanning rounds) changes more.
 */
final class Repairs {

  /** Equity removed from the glide path per escalation level. */
  static final BigDecimal EQUITY_STEP = new BigDecimal("0.05");

  /** Share of the surplus kept back per level when the verifier finds the budget exceeded. */
  static final BigDecimal CASH_FLOW_STEP = new BigDecimal("0.02");

  private static final Pattern CITED_LIMIT =
      Pattern.compile("limit (?:of|without it is) \\$([0-9,]+(?:\\.[0-9]{1,2})?)");

  /** A change and what it does, for the trace. */
  record Repair(Adjustments adjustments, String description) {}

  private Repairs() {}

  /**
   * The repair for a finding at an escalation level (1 for the first attempt), or empty when the
   * finding is not something a plan can change (for example a debt-to-income ratio that comes from
   * the household's own debts). A repair that returns the same adjustments means the plan already
   * satisfies the rule by construction.
   */
  static Optional<Repair> forFinding(
      FindingToResolve finding, Adjustments current, int level, Budget budget) {
    RuleCode code = RuleCode.valueOf(finding.code());
    boolean severe = isSevere(finding.severity());
    return switch (code) {
      case MAX_CONTRIBUTION_EXCEEDED -> Optional.of(contributionCap(finding, current, level));
      case ROTH_INCOME_LIMIT ->
          Optional.of(
              new Repair(
                  current.withAvoidRoth(),
                  "no Roth IRA: income is too close to the Roth phase-out, so IRA money goes to a"
                      + " deductible traditional IRA or the next account"));
      case EMERGENCY_FUND_LOW ->
          Optional.of(
              new Repair(
                  current.withEmergencyFundFirst(level - 1),
                  "fill the emergency fund before extra debt payments, twice as fast"
                      + (level > 1 ? ", with " + (level - 1) + " more month(s) of expenses" : "")));
      case CASH_FLOW_NEGATIVE -> cashFlow(current, level, budget);
      case RISK_TOLERANCE_MISMATCH, SHORT_HORIZON_EQUITY ->
          Optional.of(lowerEquity(code, current, level));
      case LOW_SUCCESS_PROBABILITY ->
          current.budget().noCushion()
              ? Optional.empty()
              : Optional.of(
                  new Repair(
                      current.withNoCushion(),
                      "save the whole surplus: drop the strategy's cushion to raise the success"
                          + " probability"));
      case DEBT_TO_INCOME_HIGH ->
          severe || level > 1
              ? Optional.of(
                  new Repair(
                      current.withPayDownAllDebt(),
                      "pay every non-mortgage debt above its minimum to bring the debt load"
                          + " down"))
              : Optional.empty();
      case EARLY_WITHDRAWAL_PENALTY,
          MARGIN_LIMIT_EXCEEDED,
          PATTERN_DAY_TRADER,
          ACCREDITED_INVESTOR_REQUIRED,
          ROTH_CATCH_UP_REQUIRED ->
          Optional.of(
              new Repair(
                  current,
                  "already satisfied: planner plans never withdraw early, borrow, day-trade or"
                      + " buy private placements"));
    };
  }

  static boolean isSevere(String severity) {
    String s = severity == null ? "" : severity.toUpperCase(Locale.ROOT);
    return s.equals("ERROR") || s.equals("CRITICAL");
  }

  /**
   * Caps the limit group the message names at the dollar limit it cites, and from the second level
   * on leaves catch-up contributions out too.
   */
  private static Repair contributionCap(FindingToResolve finding, Adjustments current, int level) {
    String message = finding.message();
    Optional<LimitGroup> group = group(message);
    Optional<Money> cited = citedLimit(message);
    Adjustments next = current;
    StringBuilder what = new StringBuilder("cap contributions");
    if (group.isPresent() && cited.isPresent()) {
      next = next.withAnnualCap(group.get(), cited.get());
      what.append(" to ")
          .append(group.get().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(" accounts at the cited ")
          .append(Format.dollars(cited.get()))
          .append(" a year");
    } else {
      what.append(" at the table's limits");
    }
    if (level > 1 || group.isEmpty() || cited.isEmpty()) {
      next = next.withNoCatchUp();
      what.append(", without catch-up contributions");
    }
    what.append("; the excess goes to the next account in the order");
    return new Repair(next, what.toString());
  }

  static Optional<LimitGroup> group(String message) {
    if (message.contains("401(k)") || message.contains("403(b)")) {
      return Optional.of(LimitGroup.EMPLOYER_PLAN);
    }
    if (message.contains("HSA")) {
      return Optional.of(LimitGroup.HSA);
    }
    if (message.contains("IRA")) {
      return Optional.of(LimitGroup.IRA);
    }
    return Optional.empty();
  }

  static Optional<Money> citedLimit(String message) {
    Matcher m = CITED_LIMIT.matcher(message);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(Money.usd(new BigDecimal(m.group(1).replace(",", ""))));
  }

  private static Optional<Repair> cashFlow(Adjustments current, int level, Budget budget) {
    if (!budget.surplus().isPositive()) {
      return Optional.empty();
    }
    Money cut =
        budget
            .surplus()
            .times(CASH_FLOW_STEP.multiply(BigDecimal.valueOf(level)))
            .max(Money.usd(1));
    return Optional.of(
        new Repair(
            current.withMonthlyCut(cut),
            "keep "
                + cut.formatted()
                + " a month of the surplus unplanned so saving and debt"
                + " payments stay within after-tax income"));
  }

  private static Repair lowerEquity(RuleCode code, Adjustments current, int level) {
    BigDecimal cut = EQUITY_STEP.multiply(BigDecimal.valueOf(level));
    if (code == RuleCode.SHORT_HORIZON_EQUITY) {
      return new Repair(
          current.withShortGoalEquityCap(),
          "hold at most 30% equities until every goal due within three years");
    }
    return new Repair(
        current.withEquityCut(cut),
        "lower every glide-path equity share to "
            + Format.percent(cut)
            + " below the risk tolerance's cap");
  }
}
