package dev.finpilot.planning;

import dev.finpilot.domain.Money;
import dev.finpilot.planning.ContributionRoom.LimitGroup;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Changes made to a strategy to clear verifier findings, by the search's repairs or by a replanning
 * request, grouped by the part of the plan they change. Every change makes a plan safer or smaller,
 * never larger, so applying one can only remove findings of its kind.
 *
 * @param payDownAllDebt every non-mortgage debt gets extra payments, not only high-interest debt
 */
record Adjustments(
    EmergencyFundChange emergencyFund,
    EquityChange equity,
    BudgetChange budget,
    LimitChange limits,
    boolean payDownAllDebt) {

  static final Adjustments NONE =
      new Adjustments(
          new EmergencyFundChange(false, 0),
          new EquityChange(BigDecimal.ZERO, false),
          new BudgetChange(false, Money.zeroUsd()),
          new LimitChange(false, false, Map.of()),
          false);

  /**
   * @param first the emergency fund is filled before extra debt payments
   * @param extraMonths months added to the strategy's emergency-fund target
   */
  record EmergencyFundChange(boolean first, int extraMonths) {}

  /**
   * @param cut subtracted from every glide-path equity share
   * @param shortGoalCap equity is capped until every goal due within the short horizon
   */
  record EquityChange(BigDecimal cut, boolean shortGoalCap) {}

  /**
   * @param noCushion the strategy's cushion is dropped and the whole surplus is planned
   * @param monthlyCut taken off the monthly saving budget
   */
  record BudgetChange(boolean noCushion, Money monthlyCut) {}

  /**
   * @param avoidRoth no Roth IRA contributions (income too close to the phase-out)
   * @param noCatchUp catch-up contributions are left out of the 401(k) and IRA limits
   * @param annualCaps lower annual limits cited by findings, per limit group
   */
  record LimitChange(boolean avoidRoth, boolean noCatchUp, Map<LimitGroup, Money> annualCaps) {
    LimitChange {
      EnumMap<LimitGroup, Money> caps = new EnumMap<>(LimitGroup.class);
      caps.putAll(annualCaps);
      annualCaps = Collections.unmodifiableMap(caps);
    }
  }

  Adjustments withEmergencyFundFirst(int addedMonths) {
    return with(new EmergencyFundChange(true, emergencyFund.extraMonths() + addedMonths));
  }

  Adjustments withEquityCut(BigDecimal cut) {
    return with(new EquityChange(equity.cut().max(cut), equity.shortGoalCap()));
  }

  Adjustments withShortGoalEquityCap() {
    return with(new EquityChange(equity.cut(), true));
  }

  Adjustments withNoCushion() {
    return with(new BudgetChange(true, budget.monthlyCut()));
  }

  Adjustments withMonthlyCut(Money cut) {
    return with(new BudgetChange(budget.noCushion(), budget.monthlyCut().max(cut)));
  }

  Adjustments withAvoidRoth() {
    return with(new LimitChange(true, limits.noCatchUp(), limits.annualCaps()));
  }

  Adjustments withNoCatchUp() {
    return with(new LimitChange(limits.avoidRoth(), true, limits.annualCaps()));
  }

  Adjustments withAnnualCap(LimitGroup group, Money cap) {
    EnumMap<LimitGroup, Money> caps = new EnumMap<>(LimitGroup.class);
    caps.putAll(limits.annualCaps());
    caps.merge(group, cap, Money::min);
    return with(new LimitChange(limits.avoidRoth(), limits.noCatchUp(), caps));
  }

  Adjustments withPayDownAllDebt() {
    return new Adjustments(emergencyFund, equity, budget, limits, true);
  }

  private Adjustments with(EmergencyFundChange change) {
    return new Adjustments(change, equity, budget, limits, payDownAllDebt);
  }

  private Adjustments with(EquityChange change) {
    return new Adjustments(emergencyFund, change, budget, limits, payDownAllDebt);
  }

  private Adjustments with(BudgetChange change) {
    return new Adjustments(emergencyFund, equity, change, limits, payDownAllDebt);
  }

  private Adjustments with(LimitChange change) {
    return new Adjustments(emergencyFund, equity, budget, change, payDownAllDebt);
  }
}
