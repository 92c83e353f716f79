package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;

/** Opens an empty account of one type; a user holds at most one account per type. */
public record OpenAccountStep(AccountType account) implements LedgerStep {

  @Override
  public TransactionType type() {
    return TransactionType.OPEN_ACCOUNT;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    v.notNull(account, path + ".account");
    return v.errors();
  }

  @Override
  public String canonical() {
    return "OPEN|" + account;
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
