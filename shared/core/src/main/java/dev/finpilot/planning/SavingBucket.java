package dev.finpilot.planning;

import java.util.ArrayList;
import java.util.List;

/**
 * The places a month's saving budget can go, contributions and extra debt payments alike, in the
 * planner's default priority order: a bucket receives money only when every bucket before it is
 * full (at its cap) or the money has run out.
 */
enum SavingBucket {
  /** Employee deferral that captures the whole employer match: free money, always first. */
  EMPLOYER_MATCH("Employer match"),
  /** Cash up to the starter fund ($1,000) before any extra debt payment. */
  STARTER_FUND("Starter fund"),
  /** Extra payments on debts above 8% APR. */
  HIGH_INTEREST_DEBT("High-interest debt"),
  /** Cash up to the emergency-fund target. */
  EMERGENCY_FUND("Emergency fund"),
  /** Extra payments on other non-mortgage debts (debt-first strategy, debt-payoff goals). */
  OTHER_DEBT("Other debt"),
  /** Saving for non-retirement goals ranked ahead of retirement. */
  PRIORITY_GOALS("Goals ahead of retirement"),
  /** Health savings account, with HDHP coverage only. */
  HSA("HSA"),
  /** Roth or traditional IRA. */
  IRA("IRA"),
  /** 401(k)/403(b) deferrals beyond the match, up to the age-adjusted limit. */
  EMPLOYER_PLAN("401(k)/403(b) beyond the match"),
  /** Saving for non-retirement goals ranked behind retirement. */
  LATER_GOALS("Goals after retirement"),
  /** Whatever is left, in a taxable brokerage account. */
  TAXABLE("Taxable investing");

  private final String label;

  SavingBucket(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  /** Whether the bucket invests for the long run: retirement accounts and taxable investing. */
  boolean invests() {
    return switch (this) {
      case EMPLOYER_MATCH, HSA, IRA, EMPLOYER_PLAN, TAXABLE -> true;
      case STARTER_FUND,
          HIGH_INTEREST_DEBT,
          EMERGENCY_FUND,
          OTHER_DEBT,
          PRIORITY_GOALS,
          LATER_GOALS ->
          false;
    };
  }

  /**
   * The full order for a strategy's tax-advantaged order, with the emergency fund moved ahead of
   * high-interest debt when a repair asks for it.
   */
  static List<SavingBucket> order(List<SavingBucket> taxAdvantaged, boolean emergencyFundFirst) {
    List<SavingBucket> order = new ArrayList<>();
    order.add(EMPLOYER_MATCH);
    order.add(STARTER_FUND);
    if (emergencyFundFirst) {
      order.add(EMERGENCY_FUND);
      order.add(HIGH_INTEREST_DEBT);
    } else {
      order.add(HIGH_INTEREST_DEBT);
      order.add(EMERGENCY_FUND);
    }
    order.add(OTHER_DEBT);
    order.add(PRIORITY_GOALS);
    order.addAll(taxAdvantaged);
    order.add(LATER_GOALS);
    order.add(TAXABLE);
    return List.copyOf(order);
  }
}
