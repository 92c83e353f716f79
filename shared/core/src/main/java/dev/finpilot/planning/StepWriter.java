package dev.finpilot.planning;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanStep;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.regulation.Ages;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The dated steps of a plan: accounts to open and contributions to set up on the first of next
 * month, debt payments and payoff dates, the day the emergency fund is full, goal dates, the year
 * catch-up contributions start, and rebalancing as the glide path steps down. Steps without an
 * amount carry zero; debt steps carry no account.
 */
final class StepWriter {

  /** A glide-path change smaller than this is folded into the yearly rebalance. */
  static final BigDecimal REBALANCE_STEP = new BigDecimal("0.05");

  private final PlanningRequest request;
  private final GoalBook goals;
  private final LocalDate start;

  StepWriter(PlanningRequest request, GoalBook goals) {
    this.request = request;
    this.goals = goals;
    this.start = request.asOf().withDayOfMonth(1).plusMonths(1);
  }

  /** The date of plan month {@code month} (1 is the first month of contributions). */
  LocalDate monthDate(int month) {
    return start.plusMonths(month - 1L);
  }

  List<PlanStep> steps(
      Waterfall waterfall,
      EmergencyFund emergencyFund,
      DebtPayoff debts,
      ProjectedGoal primary,
      GlidePath glidePath) {
    List<PlanStep> steps = new ArrayList<>();
    openAccounts(waterfall, steps);
    for (Slice s : waterfall.slices()) {
      if (!s.isDebt() && s.monthly().isPositive()) {
        steps.add(
            new PlanStep(
                start,
                "Set up "
                    + s.monthly().formatted()
                    + " a month to the "
                    + Format.account(s.account())
                    + ": "
                    + s.reason(),
                s.account(),
                s.monthly()));
      }
    }
    debtSteps(waterfall, debts, primary, steps);
    if (emergencyFund.filledMonth() > 0) {
      steps.add(
          new PlanStep(
              monthDate(emergencyFund.filledMonth()),
              "Emergency fund reaches "
                  + Format.dollars(emergencyFund.target())
                  + " ("
                  + emergencyFund.months()
                  + " months of essential expenses): redirect the"
                  + " monthly cash saving to '"
                  + primary.label()
                  + "'",
              AccountType.CASH,
              emergencyFund.target()));
    }
    for (Goal goal : goals.savingGoals()) {
      steps.add(
          new PlanStep(
              goal.targetDate(),
              "Use the money saved in the "
                  + Format.account(goals.accountFor(goal))
                  + " for '"
                  + GoalBook.label(goal)
                  + "'",
              goals.accountFor(goal),
              goal.targetAmount()));
    }
    catchUp(waterfall, primary, steps);
    rebalancing(primary, glidePath, steps);
    steps.sort(Comparator.comparing(PlanStep::date));
    return steps;
  }

  private void openAccounts(Waterfall waterfall, List<PlanStep> steps) {
    Set<AccountType> held = EnumSet.noneOf(AccountType.class);
    for (Account a : request.state().accounts()) {
      held.add(a.type());
    }
    Set<AccountType> opened = EnumSet.noneOf(AccountType.class);
    for (Slice s : waterfall.slices()) {
      AccountType type = s.account();
      if (type != null && s.monthly().isPositive() && !held.contains(type) && opened.add(type)) {
        String what =
            type == AccountType.CASH
                ? "a high-yield savings account for the emergency fund"
                : (type == AccountType.HSA ? "an " : "a ") + Format.account(type);
        steps.add(new PlanStep(request.asOf(), "Open " + what, type, Money.zeroUsd()));
      }
    }
  }

  private void debtSteps(
      Waterfall waterfall, DebtPayoff debts, ProjectedGoal primary, List<PlanStep> steps) {
    List<Debt> order = debts.order();
    for (int i = 0; i < debts.targeted(); i++) {
      Debt debt = order.get(i);
      Money payment = paymentFrom(waterfall, debt);
      DebtSchedule.Payoff payoff = debts.schedule().payoff(debt.name());
      if (payment.isGreaterThan(debt.minimumPayment())) {
        steps.add(
            new PlanStep(
                start,
                "Pay "
                    + payment.formatted()
                    + " a month on "
                    + debt.name()
                    + " (minimum "
                    + debt.minimumPayment().formatted()
                    + "): "
                    + debts.reason(),
                null,
                payment));
      }
      if (payoff.paidOff()) {
        String next =
            i + 1 < debts.targeted()
                ? "roll its payment into " + order.get(i + 1).name()
                : "redirect the debt payments to '" + primary.label() + "'";
        steps.add(
            new PlanStep(
                monthDate(payoff.month()),
                debt.name()
                    + " paid off ("
                    + Format.dollars(payoff.interest())
                    + " of interest): "
                    + next,
                null,
                Money.zeroUsd()));
      } else {
        steps.add(
            new PlanStep(
                start,
                debt.name()
                    + " is not paid off within "
                    + DebtSchedule.MAX_MONTHS / 12
                    + " years at these payments: raise the payment when the budget allows",
                null,
                Money.zeroUsd()));
      }
    }
  }

  private static Money paymentFrom(Waterfall waterfall, Debt debt) {
    Money extra =
        waterfall.slices().stream()
            .filter(s -> debt.name().equals(s.debtName()))
            .map(Slice::monthly)
            .reduce(Money.zeroUsd(), Money::plus);
    return debt.minimumPayment().plus(extra);
  }

  /** The tax year the person reaches 50, when 401(k) and IRA catch-ups open. */
  private void catchUp(Waterfall waterfall, ProjectedGoal primary, List<PlanStep> steps) {
    int ageAtYearEnd = request.state().age() + (request.taxYear() - request.asOf().getYear());
    if (ageAtYearEnd >= Ages.CATCH_UP) {
      return;
    }
    boolean retirementSaving =
        waterfall.slices().stream()
            .anyMatch(
                s -> s.monthly().isPositive() && s.account() != null && s.account().isRetirement());
    int year = request.taxYear() + (Ages.CATCH_UP - ageAtYearEnd);
    LocalDate date = LocalDate.of(year, 1, 1);
    if (retirementSaving && date.isBefore(primary.date())) {
      steps.add(
          new PlanStep(
              date,
              "Catch-up contributions open this tax year (age 50 by December 31): raise the"
                  + " 401(k) and IRA contributions to the new limits if the budget allows",
              null,
              Money.zeroUsd()));
    }
  }

  private void rebalancing(ProjectedGoal primary, GlidePath glidePath, List<PlanStep> steps) {
    int age = request.state().age();
    BigDecimal now = glidePath.allocationAt(age).equityShare();
    steps.add(
        new PlanStep(
            request.asOf().plusYears(1),
            "Rebalance every year to the glide path ("
                + Format.percent(now)
                + " equities now) and review contributions against the new tax year's limits",
            null,
            Money.zeroUsd()));
    BigDecimal last = now;
    for (GlidePath.Point point : glidePath.points()) {
      BigDecimal equity = point.allocation().equityShare();
      if (point.age() > age && last.subtract(equity).abs().compareTo(REBALANCE_STEP) >= 0) {
        steps.add(
            new PlanStep(
                request.asOf().plusYears(point.age() - (long) age),
                "Rebalance to "
                    + Format.percent(equity)
                    + " equities at age "
                    + point.age()
                    + ", following the glide path for '"
                    + primary.label()
                    + "'",
                null,
                Money.zeroUsd()));
        last = equity;
      }
    }
  }
}
