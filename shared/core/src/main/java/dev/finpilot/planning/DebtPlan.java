package dev.finpilot.planning;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which debts a strategy pays down beyond their minimums, in which order, and how much the two debt
 * buckets of the waterfall may take; once the waterfall has set the extra payment, {@link
 * #payoff(Money, DebtPayoffMethod)} schedules it.
 *
 * @param order every debt in the plan's payment order: the targeted debts first
 * @param targeted the debts that get extra payments, in payoff order
 * @param highInterestCap the most the high-interest-debt bucket takes a month
 * @param otherCap the most the other-debt bucket takes a month
 * @param otherReason why the other-debt bucket pays extra
 */
record DebtPlan(
    List<Debt> order,
    List<Debt> targeted,
    Money highInterestCap,
    Money otherCap,
    String otherReason) {

  static DebtPlan of(PlanningContext context, Strategy.Profile profile, Adjustments adjustments) {
    FinancialState state = context.state();
    GoalBook goals = context.goals();
    DebtPayoffMethod method = profile.debtMethod();
    List<Debt> open = state.debts().stream().filter(d -> d.balance().isPositive()).toList();
    List<Debt> nonHousing = open.stream().filter(d -> !d.kind().isHousing()).toList();
    List<Debt> housing =
        DebtSchedule.order(
            state.debts().stream().filter(d -> d.kind().isHousing()).toList(), method);
    Optional<Goal> debtGoal = goals.first(GoalType.DEBT_PAYOFF);
    boolean allFirst =
        profile.allDebtsFirst() || adjustments.payDownAllDebt() || debtGoal.isPresent();
    List<Debt> candidates = new ArrayList<>(nonHousing);
    if (adjustments.payDownAllDebt() && nonHousing.isEmpty()) {
      candidates.addAll(open.stream().filter(d -> d.kind().isHousing()).toList());
    }
    List<Debt> targeted =
        DebtSchedule.order(
            allFirst ? candidates : nonHousing.stream().filter(Debt::isHighInterest).toList(),
            method);
    int otherMonths;
    String otherReason;
    if (debtGoal.isPresent()) {
      otherMonths = goals.months(debtGoal.get());
      otherReason = "pays every non-mortgage debt off by the debt-payoff goal's date";
    } else if (profile.allDebtsFirst()) {
      otherMonths = profile.debtPayoffMonths();
      otherReason = "the strategy clears every non-mortgage debt before investing";
    } else {
      otherMonths = 2 * profile.debtPayoffMonths();
      otherReason = "debt payments above the minimums bring the debt-to-income ratio down";
    }
    Money hiCap = Money.zeroUsd();
    Money otherCap = Money.zeroUsd();
    for (Debt d : targeted) {
      boolean high = d.isHighInterest() && !d.kind().isHousing();
      if (high || profile.allDebtsFirst()) {
        hiCap = hiCap.plus(extraFor(d, profile.debtPayoffMonths()));
      } else {
        otherCap = otherCap.plus(extraFor(d, otherMonths));
      }
    }
    List<Debt> order = new ArrayList<>(targeted);
    for (Debt d : DebtSchedule.order(state.debts(), method)) {
      if (!order.contains(d) && !d.kind().isHousing()) {
        order.add(d);
      }
    }
    for (Debt d : housing) {
      if (!order.contains(d)) {
        order.add(d);
      }
    }
    return new DebtPlan(order, targeted, hiCap, otherCap, otherReason);
  }

  private static Money extraFor(Debt debt, int months) {
    return DebtSchedule.amortisingPayment(debt.balance(), debt.apr(), months)
        .minus(debt.minimumPayment())
        .max(Money.zeroUsd());
  }

  /**
   * The payoff with {@code extra} a month above the minimums, the debts in {@code method} order.
   */
  DebtPayoff payoff(Money extra, DebtPayoffMethod method) {
    Map<String, Money> payments = payments(extra);
    List<DebtPayment> debtPayments = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      Debt debt = order.get(i);
      debtPayments.add(new DebtPayment(debt.name(), payments.get(debt.name()), i + 1));
    }
    return new DebtPayoff(
        order,
        targeted.size(),
        debtPayments,
        DebtSchedule.simulate(simulated(), payments, targeted.size()),
        reason(method, extra));
  }

  /** The minimum on every debt, plus all extra on the first targeted debt still open. */
  private Map<String, Money> payments(Money extra) {
    Map<String, Money> payments = new LinkedHashMap<>();
    for (Debt d : order) {
      payments.put(d.name(), d.minimumPayment());
    }
    Optional<Debt> first = targeted.stream().filter(d -> d.balance().isPositive()).findFirst();
    first.ifPresent(d -> payments.merge(d.name(), extra, Money::plus));
    return payments;
  }

  /** The debts the schedule follows: all but housing debt that gets no extra payments. */
  private List<Debt> simulated() {
    return order.stream().filter(d -> targeted.contains(d) || !d.kind().isHousing()).toList();
  }

  /**
   * Why the payoff order: the interest of both orders at the same payments, so the plan can say
   * what avalanche saves or what snowball costs.
   */
  private String reason(DebtPayoffMethod method, Money extra) {
    if (targeted.isEmpty()) {
      return "no debt gets extra payments: every debt is at or below 8% APR, so minimums are"
          + " paid and the surplus is saved";
    }
    if (targeted.size() == 1) {
      return "one debt gets the extra payments ("
          + targeted.get(0).name()
          + "), so avalanche and snowball are the same order";
    }
    DebtPayoffMethod other =
        method == DebtPayoffMethod.AVALANCHE
            ? DebtPayoffMethod.SNOWBALL
            : DebtPayoffMethod.AVALANCHE;
    Money chosen = interest(method, extra);
    Money alternative = interest(other, extra);
    Money difference = alternative.minus(chosen);
    if (method == DebtPayoffMethod.AVALANCHE) {
      return "avalanche (highest APR first) costs "
          + Format.dollars(chosen)
          + " of interest, "
          + Format.dollars(difference)
          + " less than snowball";
    }
    return "snowball (smallest balance first) clears a debt sooner for motivation; it costs "
        + Format.dollars(chosen)
        + " of interest, "
        + Format.dollars(difference.negate())
        + " more than avalanche";
  }

  /** The total interest with the targeted debts paid down in {@code method} order instead. */
  private Money interest(DebtPayoffMethod method, Money extra) {
    List<Debt> reordered = DebtSchedule.order(targeted, method);
    List<Debt> all = new ArrayList<>(reordered);
    for (Debt d : simulated()) {
      if (!all.contains(d)) {
        all.add(d);
      }
    }
    DebtPlan plan = new DebtPlan(all, reordered, Money.zeroUsd(), Money.zeroUsd(), "");
    return DebtSchedule.simulate(all, plan.payments(extra), reordered.size()).totalInterest();
  }
}
