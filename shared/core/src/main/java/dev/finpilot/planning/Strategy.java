package dev.finpilot.planning;

import dev.finpilot.domain.DebtPayoffMethod;
import java.math.BigDecimal;
import java.util.List;

/**
 * The strategies the planner explores. Each is a complete set of planning choices, so two
 * strategies differ in where the money goes, how debts are paid and how the portfolio is invested,
 * not only in a label. docs/planning.md lists the numbers with their reasons.
 */
public enum Strategy {
  CONSERVATIVE(
      "Safety first: a six-month emergency fund, a 10% cushion of the surplus left unplanned and"
          + " a low-equity glide path",
      new EquityPath("0.40", "0.25", "0.20"),
      "0",
      Profile.of(
          6, 12, DebtPayoffMethod.AVALANCHE, 24, false, "0.10", "0.22", Profile.DEFAULT_ORDER),
      new Mix("0", "0.10", "0.30")),
  BALANCED(
      "Middle of the road: a four-month emergency fund, a 5% cushion and a 70/30 to 45/55 glide"
          + " path",
      new EquityPath("0.70", "0.45", "0.30"),
      "0.40",
      Profile.of(
          4, 18, DebtPayoffMethod.AVALANCHE, 18, false, "0.05", "0.22", Profile.DEFAULT_ORDER),
      new Mix("0.10", "0.05", "0.40")),
  GROWTH(
      "Long-horizon growth: the three-month minimum emergency fund, the whole surplus invested and"
          + " a 90% equity start",
      new EquityPath("0.90", "0.55", "0.35"),
      "0.65",
      Profile.of(3, 24, DebtPayoffMethod.AVALANCHE, 24, false, "0", "0.24", Profile.DEFAULT_ORDER),
      new Mix("0.15", "0", "0.40")),
  AGGRESSIVE(
      "Maximum growth: all-equity until 25 years out with a quarter in small caps, the minimum"
          + " emergency fund built slowly (over three years) and the whole surplus invested",
      new EquityPath("1.00", "0.65", "0.40"),
      "0.85",
      Profile.of(3, 36, DebtPayoffMethod.AVALANCHE, 24, false, "0", "0.24", Profile.DEFAULT_ORDER),
      new Mix("0.25", "0", "0.50")),
  TAX_OPTIMISED(
      "Tax first: HSA, then the full 401(k) deferral, then the IRA, traditional above the 12%"
          + " bracket when deductible; a target-date style glide path",
      new EquityPath("0.90", "0.50", "0.30"),
      "0.50",
      Profile.of(
          3,
          18,
          DebtPayoffMethod.AVALANCHE,
          18,
          false,
          "0",
          "0.12",
          List.of(SavingBucket.HSA, SavingBucket.EMPLOYER_PLAN, SavingBucket.IRA)),
      new Mix("0.10", "0", "0.30")),
  DEBT_FIRST(
      "Debt freedom first: every non-mortgage debt paid down before investing beyond the match,"
          + " smallest balance first (snowball) for quick wins",
      new EquityPath("0.60", "0.40", "0.30"),
      "0.30",
      Profile.of(3, 12, DebtPayoffMethod.SNOWBALL, 12, true, "0", "0.22", Profile.DEFAULT_ORDER),
      new Mix("0.05", "0.05", "0.30"));

  private final String description;
  private final EquityPath equity;
  private final BigDecimal minimumEquity;
  private final Profile profile;
  private final Mix mix;

  Strategy(String description, EquityPath equity, String minimumEquity, Profile profile, Mix mix) {
    this.description = description;
    this.equity = equity;
    this.minimumEquity = new BigDecimal(minimumEquity);
    this.profile = profile;
    this.mix = mix;
  }

  public String description() {
    return description;
  }

  /** Equity share 25+ years before the goal, at the goal date and 7+ years after it. */
  EquityPath equity() {
    return equity;
  }

  /**
   * The long-horizon equity share below which the strategy is no longer itself: a risk tolerance
   * whose cap is lower prunes it.
   */
  BigDecimal minimumEquity() {
    return minimumEquity;
  }

  Profile profile() {
    return profile;
  }

  Mix mix() {
    return mix;
  }

  /** The strategy that best matches a risk tolerance, used when every branch was pruned. */
  static Strategy closestTo(dev.finpilot.domain.RiskTolerance tolerance) {
    return switch (tolerance) {
      case CONSERVATIVE -> CONSERVATIVE;
      case MODERATE -> BALANCED;
      case AGGRESSIVE -> GROWTH;
    };
  }

  /** Equity shares of the glide path; see {@link GlidePathBuilder}. */
  record EquityPath(BigDecimal start, BigDecimal atGoal, BigDecimal floor) {
    EquityPath(String start, String atGoal, String floor) {
      this(new BigDecimal(start), new BigDecimal(atGoal), new BigDecimal(floor));
    }
  }

  /**
   * How the non-equity and equity parts are split: small caps as a share of equity, cash and
   * corporate bonds as shares of the rest (Treasuries take what is left).
   */
  record Mix(BigDecimal smallCapShare, BigDecimal cashShare, BigDecimal corporateShare) {
    Mix(String smallCap, String cash, String corporate) {
      this(new BigDecimal(smallCap), new BigDecimal(cash), new BigDecimal(corporate));
    }
  }

  /**
   * The household choices of a strategy.
   *
   * @param emergencyMonths months of essential expenses the emergency fund targets
   * @param emergencyFillMonths months over which a missing emergency fund is built
   * @param debtMethod the payoff order of the debts that get extra payments
   * @param debtPayoffMonths horizon over which high-interest debt is paid off
   * @param allDebtsFirst whether every non-mortgage debt, not only high-interest debt, is paid down
   *     before investing beyond the match
   * @param cushion share of the monthly surplus left unplanned for irregular expenses
   * @param rothBracketCeiling a Roth IRA is preferred up to this marginal rate, a deductible
   *     traditional IRA above it
   * @param taxAdvantagedOrder order of the HSA, IRA and employer-plan buckets
   */
  record Profile(
      int emergencyMonths,
      int emergencyFillMonths,
      DebtPayoffMethod debtMethod,
      int debtPayoffMonths,
      boolean allDebtsFirst,
      BigDecimal cushion,
      BigDecimal rothBracketCeiling,
      List<SavingBucket> taxAdvantagedOrder) {

    static final List<SavingBucket> DEFAULT_ORDER =
        List.of(SavingBucket.HSA, SavingBucket.IRA, SavingBucket.EMPLOYER_PLAN);

    static Profile of(
        int emergencyMonths,
        int emergencyFillMonths,
        DebtPayoffMethod debtMethod,
        int debtPayoffMonths,
        boolean allDebtsFirst,
        String cushion,
        String rothBracketCeiling,
        List<SavingBucket> taxAdvantagedOrder) {
      return new Profile(
          emergencyMonths,
          emergencyFillMonths,
          debtMethod,
          debtPayoffMonths,
          allDebtsFirst,
          new BigDecimal(cushion),
          new BigDecimal(rothBracketCeiling),
          List.copyOf(taxAdvantagedOrder));
    }
  }
}
