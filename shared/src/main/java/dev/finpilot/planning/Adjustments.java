package dev.finpilot.planning;

import dev.finpilot.domain.Money;
import dev.finpilot.planning.ContributionRoom.LimitGroup;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Changes made to a strategy to clear verifier findings, by the search's repairs or by a replanning
 * request. Every change makes a plan safer or smaller, never larger, so applying one can only
 * remove findings of its kind.
 *
 * @param emergencyFundFirst the emergency fund is filled before extra debt payments
 * @param extraEmergencyMonths months added to the strategy's emergency-fund target
 * @param equityCut subtracted from every glide-path equity share
 * @param noCushion the strategy's cushion is dropped and the whole surplus is planned
 * @param payDownAllDebt every non-mortgage debt gets extra payments, not only high-interest debt
 * @param avoidRoth no Roth IRA contributions (income too close to the phase-out)
 * @param noCatchUp catch-up contributions are left out of the 401(k) and IRA limits
 * @param annualCaps lower annual limits cited by findings, per limit group
 * @param monthlyCut taken off the monthly saving budget
 * @param shortGoalEquityCap equity is capped until every goal due within the short horizon
 */
record Adjustments(
    boolean emergencyFundFirst,
    int extraEmergencyMonths,
    BigDecimal equityCut,
    boolean noCushion,
    boolean payDownAllDebt,
    boolean avoidRoth,
    boolean noCatchUp,
    Map<LimitGroup, Money> annualCaps,
    Money monthlyCut,
    boolean shortGoalEquityCap) {

  static final Adjustments NONE =
      new Adjustments(
          false, 0, BigDecimal.ZERO, false, false, false, false, Map.of(), Money.zeroUsd(), false);

  Adjustments {
    EnumMap<LimitGroup, Money> caps = new EnumMap<>(LimitGroup.class);
    caps.putAll(annualCaps);
    annualCaps = Collections.unmodifiableMap(caps);
  }

  Adjustments withEmergencyFundFirst(int addedMonths) {
    return new Adjustments(
        true,
        extraEmergencyMonths + addedMonths,
        equityCut,
        noCushion,
        payDownAllDebt,
        avoidRoth,
        noCatchUp,
        annualCaps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withEquityCut(BigDecimal cut) {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut.max(cut),
        noCushion,
        payDownAllDebt,
        avoidRoth,
        noCatchUp,
        annualCaps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withNoCushion() {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        true,
        payDownAllDebt,
        avoidRoth,
        noCatchUp,
        annualCaps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withPayDownAllDebt() {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        noCushion,
        true,
        avoidRoth,
        noCatchUp,
        annualCaps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withAvoidRoth() {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        noCushion,
        payDownAllDebt,
        true,
        noCatchUp,
        annualCaps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withNoCatchUp() {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        noCushion,
        payDownAllDebt,
        avoidRoth,
        true,
        annualCaps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withAnnualCap(LimitGroup group, Money cap) {
    EnumMap<LimitGroup, Money> caps = new EnumMap<>(LimitGroup.class);
    caps.putAll(annualCaps);
    caps.merge(group, cap, Money::min);
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        noCushion,
        payDownAllDebt,
        avoidRoth,
        noCatchUp,
        caps,
        monthlyCut,
        shortGoalEquityCap);
  }

  Adjustments withMonthlyCut(Money cut) {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        noCushion,
        payDownAllDebt,
        avoidRoth,
        noCatchUp,
        annualCaps,
        monthlyCut.max(cut),
        shortGoalEquityCap);
  }

  Adjustments withShortGoalEquityCap() {
    return new Adjustments(
        emergencyFundFirst,
        extraEmergencyMonths,
        equityCut,
        noCushion,
        payDownAllDebt,
        avoidRoth,
        noCatchUp,
        annualCaps,
        monthlyCut,
        true);
  }
}
