package dev.finpilot.insight;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How concentrated the household's money is, by account or by asset class. The Herfindahl index is
 * the sum of the squared shares: 1 when everything is in one place, {@code 1/k} for {@code k} equal
 * parts, so {@code 1/index} reads as the number of equal parts the mix behaves like. Above {@link
 * #THRESHOLD} (fewer than two equal parts) the mix is flagged as concentrated.
 *
 * @param shares largest first; {@code amount} is null for an allocation's weights
 * @param herfindahl the index, to 4 places; null when there is nothing to share out
 * @param effectiveCount {@code 1/herfindahl} to 1 place; null likewise
 * @param concentrated whether the index is above the threshold
 * @param note the finding in plain words
 */
public record RiskConcentration(
    String dimension,
    List<Share> shares,
    BigDecimal herfindahl,
    BigDecimal effectiveCount,
    boolean concentrated,
    String note) {

  /** Above this index a mix behaves like fewer than two equal parts. */
  public static final BigDecimal THRESHOLD = new BigDecimal("0.5");

  private static final int SCALE = 4;

  /** One part of the mix: an account or an asset class, with its share of the whole. */
  public record Share(String name, Money amount, BigDecimal share) {}

  public RiskConcentration {
    shares = List.copyOf(shares);
  }

  /** Shares of the total balance by account. */
  static RiskConcentration ofAccounts(List<Account> accounts) {
    Money total = accounts.stream().map(Account::balance).reduce(Money.zeroUsd(), Money::plus);
    List<Share> shares = new ArrayList<>();
    if (total.isPositive()) {
      for (Account a : accounts) {
        BigDecimal share =
            a.balance().amount().divide(total.amount(), SCALE, RoundingMode.HALF_EVEN);
        shares.add(new Share(a.id() + " (" + a.type().label() + ")", a.balance(), share));
      }
    }
    return of("account", "accounts", shares);
  }

  /** Weights of an allocation by asset class. */
  static RiskConcentration ofAllocation(Allocation allocation) {
    List<Share> shares = new ArrayList<>();
    for (Map.Entry<AssetClass, BigDecimal> e : allocation.weights().entrySet()) {
      shares.add(new Share(e.getKey().name(), null, e.getValue()));
    }
    return of("asset class", "asset classes", shares);
  }

  private static RiskConcentration of(String dimension, String plural, List<Share> parts) {
    List<Share> shares =
        parts.stream().sorted(Comparator.comparing(Share::share).reversed()).toList();
    if (shares.isEmpty()) {
      return new RiskConcentration(
          dimension,
          shares,
          null,
          null,
          false,
          "Nothing to measure: no " + dimension + " holds money.");
    }
    BigDecimal index = BigDecimal.ZERO;
    for (Share s : shares) {
      index = index.add(s.share().multiply(s.share()));
    }
    index = index.setScale(SCALE, RoundingMode.HALF_EVEN);
    BigDecimal effective = BigDecimal.ONE.divide(index, 1, RoundingMode.HALF_EVEN);
    boolean concentrated = index.compareTo(THRESHOLD) > 0;
    Share largest = shares.get(0);
    String note =
        String.format(
            "The largest %s, %s, holds %s%%; the mix behaves like %s equal %s (Herfindahl %s)%s.",
            dimension,
            largest.name(),
            largest.share().movePointRight(2).stripTrailingZeros().toPlainString(),
            effective.toPlainString(),
            plural,
            index.toPlainString(),
            concentrated
                ? ": concentrated, above "
                    + THRESHOLD.toPlainString()
                    + " (fewer than two equal parts), so one "
                    + dimension
                    + " decides most of the outcome"
                : "");
    return new RiskConcentration(dimension, shares, index, effective, concentrated, note);
  }
}
