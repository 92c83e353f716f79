package dev.finpilot.planning;

import dev.finpilot.domain.Money;
import dev.finpilot.planning.ContributionRoom.LimitGroup;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

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
    return change(
        d -> {
          d.emergencyFundFirst = true;
          d.extraEmergencyMonths += addedMonths;
        });
  }

  Adjustments withEquityCut(BigDecimal cut) {
    return change(d -> d.equityCut = d.equityCut.max(cut));
  }

  Adjustments withNoCushion() {
    return change(d -> d.noCushion = true);
  }

  Adjustments withPayDownAllDebt() {
    return change(d -> d.payDownAllDebt = true);
  }

  Adjustments withAvoidRoth() {
    return change(d -> d.avoidRoth = true);
  }

  Adjustments withNoCatchUp() {
    return change(d -> d.noCatchUp = true);
  }

  Adjustments withAnnualCap(LimitGroup group, Money cap) {
    return change(
        d -> {
          EnumMap<LimitGroup, Money> caps = new EnumMap<>(LimitGroup.class);
          caps.putAll(d.annualCaps);
          caps.merge(group, cap, Money::min);
          d.annualCaps = caps;
        });
  }

  Adjustments withMonthlyCut(Money cut) {
    return change(d -> d.monthlyCut = d.monthlyCut.max(cut));
  }

  Adjustments withShortGoalEquityCap() {
    return change(d -> d.shortGoalEquityCap = true);
  }

  /** These adjustments with one change made; the record itself stays immutable. */
  private Adjustments change(Consumer<Draft> edit) {
    Draft draft = new Draft(this);
    edit.accept(draft);
    return draft.done();
  }

  /** A mutable copy, so each change names only the fields it touches. */
  private static final class Draft {
    boolean emergencyFundFirst;
    int extraEmergencyMonths;
    BigDecimal equityCut;
    boolean noCushion;
    boolean payDownAllDebt;
    boolean avoidRoth;
    boolean noCatchUp;
    Map<LimitGroup, Money> annualCaps;
    Money monthlyCut;
    boolean shortGoalEquityCap;

    Draft(Adjustments a) {
      emergencyFundFirst = a.emergencyFundFirst();
      extraEmergencyMonths = a.extraEmergencyMonths();
      equityCut = a.equityCut();
      noCushion = a.noCushion();
      payDownAllDebt = a.payDownAllDebt();
      avoidRoth = a.avoidRoth();
      noCatchUp = a.noCatchUp();
      annualCaps = a.annualCaps();
      monthlyCut = a.monthlyCut();
      shortGoalEquityCap = a.shortGoalEquityCap();
    }

    Adjustments done() {
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
          shortGoalEquityCap);
    }
  }
}
