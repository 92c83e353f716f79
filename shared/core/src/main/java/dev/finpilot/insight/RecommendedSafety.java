package dev.finpilot.insight;

import static dev.finpilot.insight.ExplanationText.percent;
import static dev.finpilot.planning.Format.dollars;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.regulation.Citation;
import dev.finpilot.verification.Guidelines;
import dev.finpilot.verification.VerificationPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The first tier: the emergency fund and debt costing more than investing is likely to earn. */
final class RecommendedSafety {

  static final Citation HIGH_INTEREST_DEBT =
      new Citation(
          "guideline_high_interest_debt",
          "planning guideline: pay off debt above about 7-8% APR before investing beyond the"
              + " employer match; below that, pay minimums and invest (FinPilot finance research,"
              + " section 2.5); FinPilot's planner and verifier use 8%");

  private static final String REQUEST = "the version's request";

  private RecommendedSafety() {}

  /** Cash below the policy's months of essential expenses: the dollars still to save. */
  static Optional<Recommendation> emergencyFund(PlanSubject subject, VerificationPolicy policy) {
    Money essential = subject.request().state().expenses().essential();
    Money cash = subject.request().state().balance(AccountType.CASH);
    BigDecimal months = policy.emergencyFundMonths();
    Money required = essential.times(months);
    if (!essential.isPositive() || !cash.isLessThan(required)) {
      return Optional.empty();
    }
    Money gap = required.minus(cash);
    String covered = cash.amount().divide(essential.amount(), 1, RoundingMode.DOWN).toPlainString();
    Money monthlyToCash = subject.plan().monthlyContribution(AccountType.CASH);
    String plan =
        monthlyToCash.isPositive()
            ? " The plan sends "
                + monthlyToCash.formatted()
                + " a month to cash, which closes the gap in "
                + gap.amount().divide(monthlyToCash.amount(), 0, RoundingMode.CEILING)
                + " months."
            : " The plan sends nothing to cash.";
    List<Fact> data =
        List.of(
            new Fact("cash", dollars(cash), REQUEST),
            new Fact("essentialExpenses", essential.formatted() + " a month", REQUEST),
            new Fact("monthsCovered", covered, "cash / essential expenses"),
            new Fact("guidelineMonths", months.toPlainString(), Guidelines.EMERGENCY_FUND.text()),
            new Fact("gap", dollars(gap), "guideline months x essential expenses - cash"),
            new Fact("plan.monthlyToCash", monthlyToCash.formatted(), "the version's plan"));
    return Optional.of(
        new Recommendation(
            0,
            Recommendation.Kind.EMERGENCY_FUND,
            "Build the emergency fund to "
                + months.toPlainString()
                + " months: "
                + dollars(gap)
                + " to go",
            "Cash of "
                + dollars(cash)
                + " covers "
                + covered
                + " months of essential expenses ("
                + essential.formatted()
                + " a month); the guideline is "
                + months.toPlainString()
                + " months, "
                + dollars(required)
                + ", so "
                + dollars(gap)
                + " more is needed before investing beyond the employer match."
                + plan,
            gap,
            "dollars still to save",
            "keep " + months.toPlainString() + " months of essential expenses in cash",
            Guidelines.EMERGENCY_FUND,
            data,
            null,
            "Cash set aside for emergencies is not part of the goal's projection, so there is"
                + " nothing to project; the plan's steps say when the fund is full."));
  }

  /** Every non-housing debt above the high-interest APR, with its interest a year. */
  static List<Recommendation> highInterestDebts(PlanSubject subject) {
    List<Recommendation> out = new ArrayList<>();
    PlanningRequest request = subject.request();
    for (Debt debt : request.state().debts()) {
      if (debt.kind().isHousing() || !debt.isHighInterest() || !debt.balance().isPositive()) {
        continue;
      }
      out.add(debt(debt, subject.plan()));
    }
    return out;
  }

  private static Recommendation debt(Debt debt, Plan plan) {
    Money interest = debt.balance().times(debt.apr());
    Money planned =
        plan.debtPayments().stream()
            .filter(p -> p.debtName().equals(debt.name()))
            .map(DebtPayment::monthlyAmount)
            .reduce(Money.zeroUsd(), Money::plus);
    String apr = percent(debt.apr());
    List<Fact> data =
        List.of(
            new Fact("balance", dollars(debt.balance()), REQUEST),
            new Fact("apr", apr, REQUEST),
            new Fact("minimumPayment", debt.minimumPayment().formatted(), REQUEST),
            new Fact("interestPerYear", dollars(interest), "balance x APR"),
            new Fact("threshold", percent(Debt.HIGH_INTEREST_APR), HIGH_INTEREST_DEBT.text()),
            new Fact("plan.monthlyPayment", planned.formatted(), "the version's plan"));
    return new Recommendation(
        0,
        Recommendation.Kind.HIGH_INTEREST_DEBT,
        "Pay off " + debt.name() + " at " + apr + " APR before investing",
        debt.name()
            + ": "
            + dollars(debt.balance())
            + " at "
            + apr
            + " APR costs about "
            + dollars(interest)
            + " of interest a year at today's balance, more than investing can be counted on to"
            + " earn; it is above the "
            + percent(Debt.HIGH_INTEREST_APR)
            + " line. The plan pays "
            + planned.formatted()
            + " a month on it (minimum "
            + debt.minimumPayment().formatted()
            + ").",
        interest,
        "interest a year at today's balance",
        "pay debt above "
            + percent(Debt.HIGH_INTEREST_APR)
            + " APR before investing beyond the match",
        HIGH_INTEREST_DEBT,
        data,
        null,
        "Paying a debt down changes the budget, not the goal's projection; the plan already"
            + " redirects the payment to the goal from the month the debt is paid off.");
  }
}
