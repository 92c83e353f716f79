package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;

/**
 * Opens an empty account of one type; a user holds at most one account per type.
 *
 * @param unlessOpen what to do when the account is open already: {@code false} refuses the step
 *     ({@code ACCOUNT_ALREADY_OPEN}), for a user opening an account by hand; {@code true} makes it
 *     post nothing, for steps that only need the account to exist, such as a plan's first month.
 *     Such steps say the same whatever the books hold, so they stay right when the ledger computes
 *     them again on books another execution changed meanwhile.
 */
public record OpenAccountStep(AccountType account, boolean unlessOpen) implements LedgerStep {

  /** Opens the account, refusing if it is open already. */
  public OpenAccountStep(AccountType account) {
    this(account, false);
  }

  /** Opens the account if it is not open yet; otherwise posts nothing. */
  public static OpenAccountStep unlessOpen(AccountType account) {
    return new OpenAccountStep(account, true);
  }

  @Override
  public TransactionType type() {
    return TransactionType.OPEN_ACCOUNT;
  }

  @Override
  public boolean isDueOn(Books books) {
    return !unlessOpen || books.account(account).isEmpty();
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    v.notNull(account, path + ".account");
    return v.errors();
  }

  /** The refusing form keeps the text it always had, so earlier requests keep their fingerprint. */
  @Override
  public String canonical() {
    return "OPEN|" + account + (unlessOpen ? "|UNLESS-OPEN" : "");
  }

  @Override
  public String describe() {
    return "open " + account + " account";
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    return new Entry(Money.zero(books.currency()), List.of());
  }
}
