package dev.finpilot.insight;

import static dev.finpilot.planning.Format.dollars;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanStep;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.verification.VerificationPolicy;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What each step of the plan does and why now: the saving order, the money, the dated steps. */
final class ExplainedSteps {

  /** Why money flows in the plan's order; docs/planning.md section 3 gives the table. */
  static final String ORDER =
      "Each month's saving flows in a fixed order, each bucket filled before the next: the"
          + " employer match (an instant 50-100% return), a "
          + dollars(VerificationPolicy.defaults().starterEmergencyFund())
          + " starter fund, debt above "
          + ExplanationText.percent(Debt.HIGH_INTEREST_APR)
          + " APR (no investment reliably beats it), the full emergency fund, goals ranked ahead of"
          + " retirement, then the HSA, IRA and 401(k) up to the tax year's limits, and taxable"
          + " investing last (FinPilot finance research, section 2.5).";

  private static final String PLAN = "the version's plan";

  private ExplainedSteps() {}

  static Explanation.Section of(PlanSubject subject) {
    Plan plan = subject.plan();
    List<String> paragraphs = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    paragraphs.add(ORDER);
    paragraphs.add(saving(plan, facts));
    if (!plan.debtPayments().isEmpty()) {
      paragraphs.add(debts(plan, facts));
    }
    paragraphs.add(emergencyFund(plan, subject.request().state(), facts));
    for (PlanStep step : plan.steps()) {
      paragraphs.add(step.date() + ": " + step.action() + (step.action().endsWith(".") ? "" : "."));
    }
    return new Explanation.Section("What each step does and why now", paragraphs, facts);
  }

  private static String saving(Plan plan, List<Fact> facts) {
    Money total = plan.totalMonthlySaving();
    facts.add(new Fact("plan.monthlySaving", total.formatted(), PLAN));
    if (plan.contributions().isEmpty()) {
      return "The plan saves nothing a month: the budget leaves no surplus to save.";
    }
    String parts =
        plan.contributions().stream()
            .map(c -> c.monthlyAmount().formatted() + " to " + destination(c.account()))
            .collect(Collectors.joining(", "));
    for (Contribution c : plan.contributions()) {
      facts.add(new Fact("plan.contribution." + c.account(), c.monthlyAmount().formatted(), PLAN));
    }
    return "The plan saves " + total.formatted() + " a month: " + parts + ".";
  }

  private static String destination(AccountType account) {
    return account == AccountType.CASH ? "cash" : "the " + account.label();
  }

  private static String debts(Plan plan, List<Fact> facts) {
    List<DebtPayment> payments =
        plan.debtPayments().stream().sorted(Comparator.comparingInt(DebtPayment::order)).toList();
    String parts =
        payments.stream()
            .map(p -> p.debtName() + " " + p.monthlyAmount().formatted())
            .collect(Collectors.joining(", "));
    for (DebtPayment p : payments) {
      facts.add(new Fact("plan.debtPayment." + p.debtName(), p.monthlyAmount().formatted(), PLAN));
    }
    String method =
        plan.debtPayoffMethod() == null
            ? ""
            : " in "
                + plan.debtPayoffMethod().name().toLowerCase(Locale.ROOT)
                + " order, so "
                + payments.get(0).debtName()
                + " gets every extra dollar first";
    return "Debt payments total "
        + plan.totalMonthlyDebtPayments().formatted()
        + " a month ("
        + parts
        + ")"
        + method
        + "; every debt gets at least its minimum.";
  }

  private static String emergencyFund(Plan plan, FinancialState state, List<Fact> facts) {
    Money target = plan.emergencyFundTarget();
    Money essential = state.expenses().essential();
    Money cash = state.balance(AccountType.CASH);
    facts.add(new Fact("plan.emergencyFundTarget", dollars(target), PLAN));
    facts.add(new Fact("state.essentialExpenses", essential.formatted(), "the version's request"));
    facts.add(new Fact("state.cash", dollars(cash), "the version's request"));
    if (essential.isZero()) {
      return "The emergency fund targets "
          + dollars(target)
          + "; with no essential expenses recorded there is nothing to count it in months of.";
    }
    String months =
        target.amount().divide(essential.amount(), 1, RoundingMode.HALF_EVEN).toPlainString();
    String covered = cash.amount().divide(essential.amount(), 1, RoundingMode.DOWN).toPlainString();
    return "The emergency fund targets "
        + dollars(target)
        + ", "
        + months
        + " months of essential expenses of "
        + essential.formatted()
        + " a month; cash today is "
        + dollars(cash)
        + ", "
        + covered
        + " months.";
  }
}
