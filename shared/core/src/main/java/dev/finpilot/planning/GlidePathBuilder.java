package dev.finpilot.planning;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.planning.Strategy.EquityPath;
import dev.finpilot.planning.Strategy.Mix;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * Builds a strategy's glide path: yearly target allocations whose equity share falls as the primary
 * goal approaches (finance research 2.4).
 *
 * <p>For retirement the shape is the target-date one: the strategy's starting share until 25 years
 * out, a straight line to its at-goal share on the goal date, a straight line to its floor seven
 * years later, flat after. Other goals run down over 10 years to at most 20% equity at the date,
 * and never more than 30% within three years of it. Every share is then capped by the risk
 * tolerance's maximum (less any repair cut) and rounded down to the percent.
 */
final class GlidePathBuilder {

  static final int RETIREMENT_RUNWAY_YEARS = 25;
  static final int AFTER_RETIREMENT_YEARS = 7;
  static final int GOAL_RUNWAY_YEARS = 10;
  static final int SHORT_GOAL_YEARS = 3;
  static final BigDecimal GOAL_DATE_EQUITY = new BigDecimal("0.20");
  static final BigDecimal SHORT_GOAL_EQUITY = new BigDecimal("0.30");

  private static final int SCALE = 4;

  private GlidePathBuilder() {}

  /**
   * The glide path from {@code age} on.
   *
   * @param goalAge the age at the primary goal's date
   * @param retirement whether the primary goal is retirement
   * @param cap the highest equity share allowed at any age
   * @param shortCapUntilAge ages below this hold at most 30% equity (a near-term goal the plan does
   *     not cover in cash); pass {@code age} for none
   */
  static GlidePath build(
      Strategy strategy,
      int age,
      int goalAge,
      boolean retirement,
      BigDecimal cap,
      int shortCapUntilAge) {
    int lastAge = retirement ? goalAge + AFTER_RETIREMENT_YEARS : Math.max(goalAge, age);
    List<GlidePath.Point> points = new ArrayList<>();
    BigDecimal previous = null;
    for (int a = age; a <= lastAge; a++) {
      BigDecimal equity = equityShare(strategy.equity(), goalAge - a, retirement).min(cap);
      if (a < shortCapUntilAge) {
        equity = equity.min(SHORT_GOAL_EQUITY);
      }
      equity = equity.max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
      if (previous == null || equity.compareTo(previous) != 0) {
        points.add(new GlidePath.Point(a, allocation(equity, strategy.mix())));
        previous = equity;
      }
    }
    return new GlidePath(points);
  }

  /** The equity share {@code yearsToGoal} years before the goal date (negative: after it). */
  static BigDecimal equityShare(EquityPath path, int yearsToGoal, boolean retirement) {
    if (retirement) {
      if (yearsToGoal >= RETIREMENT_RUNWAY_YEARS) {
        return path.start();
      }
      if (yearsToGoal >= 0) {
        return line(path.atGoal(), path.start(), yearsToGoal, RETIREMENT_RUNWAY_YEARS);
      }
      if (yearsToGoal > -AFTER_RETIREMENT_YEARS) {
        return line(
            path.floor(),
            path.atGoal(),
            AFTER_RETIREMENT_YEARS + yearsToGoal,
            AFTER_RETIREMENT_YEARS);
      }
      return path.floor();
    }
    BigDecimal atGoal = path.atGoal().min(GOAL_DATE_EQUITY);
    BigDecimal share;
    if (yearsToGoal >= GOAL_RUNWAY_YEARS) {
      share = path.start();
    } else if (yearsToGoal >= 0) {
      share = line(atGoal, path.start(), yearsToGoal, GOAL_RUNWAY_YEARS);
    } else {
      share = atGoal;
    }
    return yearsToGoal < SHORT_GOAL_YEARS ? share.min(SHORT_GOAL_EQUITY) : share;
  }

  /** Linear from {@code from} at 0 to {@code to} at {@code length}, evaluated at {@code at}. */
  private static BigDecimal line(BigDecimal from, BigDecimal to, int at, int length) {
    return from.add(
        to.subtract(from)
            .multiply(BigDecimal.valueOf(at))
            .divide(BigDecimal.valueOf(length), SCALE, RoundingMode.HALF_EVEN));
  }

  /** Splits an equity share into asset classes by the strategy's mix; weights sum to exactly 1. */
  static Allocation allocation(BigDecimal equity, Mix mix) {
    BigDecimal small = equity.multiply(mix.smallCapShare()).setScale(SCALE, RoundingMode.DOWN);
    BigDecimal large = equity.subtract(small);
    BigDecimal rest = BigDecimal.ONE.subtract(equity);
    BigDecimal cash = rest.multiply(mix.cashShare()).setScale(SCALE, RoundingMode.DOWN);
    BigDecimal corporate =
        rest.subtract(cash).multiply(mix.corporateShare()).setScale(SCALE, RoundingMode.DOWN);
    BigDecimal treasury = rest.subtract(cash).subtract(corporate);
    EnumMap<AssetClass, BigDecimal> weights = new EnumMap<>(AssetClass.class);
    weights.put(AssetClass.US_LARGE_CAP, large);
    weights.put(AssetClass.US_SMALL_CAP, small);
    weights.put(AssetClass.TREASURY_BOND, treasury);
    weights.put(AssetClass.CORPORATE_BOND, corporate);
    weights.put(AssetClass.CASH, cash);
    return new Allocation(weights);
  }

  /** A glide path that holds everything in cash, for money saved in the cash account. */
  static GlidePath allCash(int age) {
    EnumMap<AssetClass, BigDecimal> weights = new EnumMap<>(AssetClass.class);
    weights.put(AssetClass.CASH, BigDecimal.ONE);
    return GlidePath.constant(age, new Allocation(weights));
  }
}
