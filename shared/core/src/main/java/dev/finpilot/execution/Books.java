package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The complete ledger state of one user: their open accounts and the running balance of the outside
 * world. The sum of every account's {@link LedgerAccount#bookValue()} and {@code external} is
 * always zero, because every transaction's postings balance.
 *
 * @param version incremented by every committed execution; storage writes are conditional on it
 */
public record Books(
    String userId,
    Currency currency,
    long version,
    Map<AccountType, LedgerAccount> accounts,
    Money external) {

  public Books {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(external, "external");
    accounts = Collections.unmodifiableMap(copy(accounts));
  }

  public static Books empty(String userId, Currency currency) {
    return new Books(userId, currency, 0, Map.of(), Money.zero(currency));
  }

  public Optional<LedgerAccount> account(AccountType type) {
    return Optional.ofNullable(accounts.get(type));
  }

  /** The account a step needs, or UNKNOWN_ACCOUNT if the user has not opened it. */
  public LedgerAccount require(AccountType type) {
    return requireIn(accounts, type);
  }

  /** Every symbol held in any account, in alphabetical order. */
  public SortedSet<String> heldSymbols() {
    SortedSet<String> symbols = new TreeSet<>();
    accounts.values().forEach(a -> symbols.addAll(a.holdings().keySet()));
    return symbols;
  }

  /** Cash plus cost basis across all of the user's accounts (excluding the outside world). */
  public Money internalBookValue() {
    return accounts.values().stream()
        .map(LedgerAccount::bookValue)
        .reduce(Money.zero(currency), Money::plus);
  }

  Books withVersion(long newVersion) {
    return new Books(userId, currency, newVersion, accounts, external);
  }

  /**
   * Applies a transaction, refusing any result with negative cash or units. Opening is the only
   * transaction without postings; its reversal closes the (by then empty) account again.
   */
  Books apply(Transaction t) {
    Map<AccountType, LedgerAccount> next = copy(accounts);
    if (t.type() == TransactionType.OPEN_ACCOUNT) {
      applyOpening(t, next);
    }
    Money outside = external;
    for (Posting p : t.postings()) {
      if (p.book() instanceof Book.Own own) {
        next.put(own.type(), requireIn(next, own.type()).post(p));
      } else {
        outside = outside.plus(p.amount());
      }
    }
    if (t.type() == TransactionType.CONTRIBUTION) {
      Money delta = t.isReversal() ? t.amount().negate() : t.amount();
      next.put(
          t.account(),
          requireIn(next, t.account()).countContribution(t.taxYear().getAsInt(), delta));
    }
    for (LedgerAccount a : next.values()) {
      requireNonNegative(a);
    }
    return new Books(userId, currency, version, next, outside);
  }

  private void applyOpening(Transaction t, Map<AccountType, LedgerAccount> next) {
    if (t.isReversal()) {
      LedgerAccount closing = next.remove(t.account());
      if (closing == null || !closing.isEmpty()) {
        throw new IllegalStateException(
            "cannot undo the opening of " + t.account() + ": not empty");
      }
    } else if (next.containsKey(t.account())) {
      throw new LedgerException(
          LedgerException.Reason.ACCOUNT_ALREADY_OPEN, "a " + t.account() + " account is open");
    } else {
      next.put(t.account(), LedgerAccount.open(t.account(), Money.zero(currency)));
    }
  }

  private static LedgerAccount requireIn(Map<AccountType, LedgerAccount> map, AccountType type) {
    LedgerAccount account = map.get(type);
    if (account == null) {
      throw new LedgerException(
          LedgerException.Reason.UNKNOWN_ACCOUNT, "no " + type + " account is open");
    }
    return account;
  }

  private static void requireNonNegative(LedgerAccount a) {
    if (a.cash().isNegative()) {
      throw new LedgerException(
          LedgerException.Reason.INSUFFICIENT_FUNDS,
          a.type()
              + " cash would be "
              + a.cash().amount().toPlainString()
              + ", short by "
              + a.cash().negate().amount().toPlainString());
    }
    for (Holding h : a.holdings().values()) {
      if (h.quantity().signum() < 0) {
        throw new LedgerException(
            LedgerException.Reason.INSUFFICIENT_HOLDINGS,
            a.type()
                + " would hold "
                + h.quantity().toPlainString()
                + " "
                + h.asset().symbol()
                + ", short by "
                + h.quantity().negate().toPlainString());
      }
    }
  }

  private static Map<AccountType, LedgerAccount> copy(Map<AccountType, LedgerAccount> source) {
    Map<AccountType, LedgerAccount> copy = new EnumMap<>(AccountType.class);
    copy.putAll(source);
    return copy;
  }
}
