package dev.finpilot.monitoring;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reported life event into a priority and a time to act, using the household's finances
 * where they change the answer: a job loss is graver with a thin emergency fund, a medical bill
 * graver when the fund cannot pay it, a pay cut graver when the new income no longer covers
 * essential expenses. The emergency fund is the balance of the user's CASH accounts.
 */
public final class LifeEventClassifier {

  /**
   * Below three months of essential expenses an emergency fund is too thin (docs/monitoring.md).
   */
  static final BigDecimal THIN_FUND_MONTHS = new BigDecimal("3");

  static final BigDecimal LARGE_CUT_PERCENT = new BigDecimal("-25");
  static final BigDecimal MODERATE_CUT_PERCENT = new BigDecimal("-10");
  static final BigDecimal LARGE_RAISE_PERCENT = new BigDecimal("20");

  static final Duration WITHIN_A_DAY = Duration.ofDays(1);
  static final Duration WITHIN_THREE_DAYS = Duration.ofDays(3);
  static final Duration WITHIN_A_WEEK = Duration.ofDays(7);
  static final Duration WITHIN_TWO_WEEKS = Duration.ofDays(14);
  static final Duration WITHIN_A_MONTH = Duration.ofDays(30);

  public LifeEventAssessment classify(LifeEvent event, FinancialState state) {
    requireValid(event, state);
    Household h = new Household(state);
    Rule rule =
        switch (event.type()) {
          case JOB_LOSS -> jobLoss(h);
          case MEDICAL_EMERGENCY -> medical(event, h);
          case INCOME_CHANGE -> incomeChange(event, h);
          case NEW_DEPENDENT ->
              new Rule(
                  TriggerSeverity.MEDIUM,
                  WITHIN_TWO_WEEKS,
                  "a new dependent: add them to health cover inside the 30-day special-enrollment"
                      + " window, and review life insurance, the budget and education saving");
          case WINDFALL, INHERITANCE -> lumpSum(event, h);
          case DIVORCE ->
              new Rule(
                  TriggerSeverity.HIGH,
                  WITHIN_THREE_DAYS,
                  "divorce: accounts, beneficiaries, filing status and the asset split change the"
                      + " plan's inputs");
          case RETIREMENT ->
              new Rule(
                  TriggerSeverity.HIGH,
                  WITHIN_A_WEEK,
                  "retirement: contributions stop and withdrawals start, so the plan moves from"
                      + " saving to drawing down");
        };
    List<TriggerEvidence> evidence = new ArrayList<>(h.evidence());
    evidence.addAll(rule.evidence());
    return new LifeEventAssessment(
        event.id(),
        event.type(),
        rule.priority(),
        event.reportedAt(),
        rule.actWithin(),
        rule.reason(),
        evidence);
  }

  private static Rule jobLoss(Household h) {
    if (h.fundIsThin()) {
      return new Rule(
          TriggerSeverity.CRITICAL,
          WITHIN_A_DAY,
          "job loss with an emergency fund of "
              + h.fundMonths()
              + " months of essential expenses, below "
              + THIN_FUND_MONTHS
              + ": pause contributions and protect cash now");
    }
    return new Rule(
        TriggerSeverity.HIGH,
        WITHIN_THREE_DAYS,
        "job loss; the emergency fund covers "
            + h.fundMonths()
            + " months of essential expenses: review contributions and the fund's runway");
  }

  private static Rule medical(LifeEvent event, Household h) {
    if (event.amount() == null) {
      return new Rule(
          TriggerSeverity.CRITICAL,
          WITHIN_A_DAY,
          "medical emergency of unknown cost: keep cash available until the cost is known");
    }
    List<TriggerEvidence> cost = List.of(TriggerEvidence.of("outOfPocketCost", event.amount()));
    if (event.amount().isGreaterThan(h.fund())) {
      return new Rule(
          TriggerSeverity.CRITICAL,
          WITHIN_A_DAY,
          "medical emergency costing "
              + event.amount()
              + ", more than the emergency fund of "
              + h.fund(),
          cost);
    }
    return new Rule(
        TriggerSeverity.HIGH,
        WITHIN_THREE_DAYS,
        "medical emergency costing "
            + event.amount()
            + ", which the emergency fund of "
            + h.fund()
            + " can pay; the fund must then be rebuilt",
        cost);
  }

  private static Rule incomeChange(LifeEvent event, Household h) {
    BigDecimal percent = event.incomeChangePercent();
    Money newMonthly = h.monthlyIncome().times(BigDecimal.ONE.add(percent.movePointLeft(2)));
    List<TriggerEvidence> facts =
        List.of(
            TriggerEvidence.of("incomeChangePercent", percent),
            TriggerEvidence.of("newMonthlyGrossIncome", newMonthly));
    String change = "income change of " + percent.toPlainString() + "%";
    if (percent.signum() < 0) {
      if (newMonthly.isLessThan(h.essential())) {
        return new Rule(
            TriggerSeverity.CRITICAL,
            WITHIN_A_DAY,
            change
                + ": the new monthly income of "
                + newMonthly
                + " no longer covers essential expenses of "
                + h.essential(),
            facts);
      }
      if (percent.compareTo(LARGE_CUT_PERCENT) <= 0) {
        return new Rule(
            TriggerSeverity.HIGH, WITHIN_THREE_DAYS, change + ": a cut of 25% or more", facts);
      }
      if (percent.compareTo(MODERATE_CUT_PERCENT) <= 0) {
        return new Rule(
            TriggerSeverity.MEDIUM, WITHIN_A_WEEK, change + ": a cut of 10% or more", facts);
      }
      return new Rule(TriggerSeverity.LOW, WITHIN_A_MONTH, change + ": a small cut", facts);
    }
    if (percent.compareTo(LARGE_RAISE_PERCENT) >= 0) {
      return new Rule(
          TriggerSeverity.MEDIUM,
          WITHIN_TWO_WEEKS,
          change + ": a raise of 20% or more leaves room to save more",
          facts);
    }
    return new Rule(TriggerSeverity.LOW, WITHIN_A_MONTH, change + ": a small raise", facts);
  }

  private static Rule lumpSum(LifeEvent event, Household h) {
    String what = event.type() == LifeEventType.INHERITANCE ? "inheritance" : "windfall";
    List<TriggerEvidence> facts = List.of(TriggerEvidence.of("amount", event.amount()));
    if (!event.amount().isLessThan(h.annualIncome())) {
      return new Rule(
          TriggerSeverity.MEDIUM,
          WITHIN_TWO_WEEKS,
          what
              + " of "
              + event.amount()
              + ", at least a year's income: decide on debt, emergency fund, tax and investment"
              + " before it is spent",
          facts);
    }
    return new Rule(
        TriggerSeverity.LOW,
        WITHIN_A_MONTH,
        what + " of " + event.amount() + ", less than a year's income",
        facts);
  }

  private static void requireValid(LifeEvent event, FinancialState state) {
    List<FieldError> errors = new ArrayList<>();
    if (event == null) {
      errors.add(new FieldError("event", "is required"));
    } else {
      event.validate().forEach(e -> errors.add(new FieldError("event." + e.field(), e.message())));
    }
    if (state == null) {
      errors.add(new FieldError("state", "is required"));
    } else {
      state.validate().forEach(e -> errors.add(new FieldError("state." + e.field(), e.message())));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** The few household figures the rules read. */
  private record Household(Money fund, Money essential, Money monthlyIncome, Money annualIncome) {

    Household(FinancialState state) {
      this(
          state.balance(AccountType.CASH),
          state.expenses().essential(),
          state.monthlyGrossIncome(),
          state.annualIncome());
    }

    /** Whole hundredths of a month the fund covers (rounded down, never overstating it). */
    String fundMonths() {
      return essential.isZero()
          ? "unlimited"
          : fund.amount().divide(essential.amount(), 2, RoundingMode.DOWN).toPlainString();
    }

    /** Compared as fund < 3 x essential, so no rounding of the month count can move the edge. */
    boolean fundIsThin() {
      return fund.isLessThan(essential.times(THIN_FUND_MONTHS));
    }

    List<TriggerEvidence> evidence() {
      return List.of(
          TriggerEvidence.of("emergencyFund", fund),
          TriggerEvidence.of("essentialMonthlyExpenses", essential),
          TriggerEvidence.of("emergencyFundMonths", fundMonths()));
    }
  }

  private record Rule(
      TriggerSeverity priority, Duration actWithin, String reason, List<TriggerEvidence> evidence) {
    Rule(TriggerSeverity priority, Duration actWithin, String reason) {
      this(priority, actWithin, reason, List.of());
    }
  }
}
