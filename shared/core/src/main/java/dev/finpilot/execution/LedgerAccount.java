package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account of one user: its cash, its holdings by symbol, and the contributions made to it per
 * tax year (which the annual limits are checked against).
 */
public record LedgerAccount(
    AccountType type,
    Money cash,
    Map<String, Holding> holdings,
    Map<Integer, Money> contributionsByYear) {

  public LedgerAccount {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(cash, "cash");
    holdings = Collections.unmodifiableMap(new TreeMap<>(holdings));
    contributionsByYear = Collections.unmodifiableMap(new TreeMap<>(contributionsByYear));
  }

  static LedgerAccount open(AccountType type, Money zero) {
    return new LedgerAccount(type, zero, Map.of(), Map.of());
  }

  public Optional<Holding> holding(String symbol) {
    return Optional.ofNullable(holdings.get(symbol));
  }

  public Money contributed(int taxYear) {
    return contributionsByYear.getOrDefault(taxYear, Money.zero(cash.currency()));
  }

  /** Cash plus the cost basis of every holding: the account's share of the conserved total. */
  public Money bookValue() {
    return holdings.values().stream().map(Holding::costBasis).reduce(cash, Money::plus);
  }

  boolean isEmpty() {
    return cash.isZero() && holdings.isEmpty() && contributionsByYear.isEmpty();
  }

  LedgerAccount post(Posting posting) {
    if (posting.asset().isCash()) {
      return new LedgerAccount(type, cash.plus(posting.amount()), holdings, contributionsByYear);
    }
    String symbol = posting.asset().symbol();
    Holding updated =
        holdings
            .getOrDefault(symbol, Holding.empty(posting.asset(), Money.zero(cash.currency())))
            .post(posting);
    Map<String, Holding> next = new TreeMap<>(holdings);
    if (updated.isEmpty()) {
      if (!updated.costBasis().isZero()) {
        throw new IllegalStateException(
            "holding " + symbol + " in " + type + " has no units but a cost basis left");
      }
      next.remove(symbol);
    } else {
      next.put(symbol, updated);
    }
    return new LedgerAccount(type, cash, next, contributionsByYear);
  }

  LedgerAccount countContribution(int taxYear, Money delta) {
    Map<Integer, Money> next = new TreeMap<>(contributionsByYear);
    Money total = contributed(taxYear).plus(delta);
    if (total.isZero()) {
      next.remove(taxYear);
    } else {
      next.put(taxYear, total);
    }
    return new LedgerAccount(type, cash, holdings, next);
  }
}
