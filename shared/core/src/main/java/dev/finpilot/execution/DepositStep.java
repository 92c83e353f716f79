package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;

/**
 * Money arriving from outside into a cash or taxable account. Money arriving in a tax-advantaged
 * account is a contribution instead, because it counts against an annual limit.
 */
public record DepositStep(AccountType account, Money amount) implements LedgerStep {

  @Override
  public TransactionType type() {
    return TransactionType.DEPOSIT;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    if (v.notNull(account, path + ".account")) {
      v.require(
          !account.isTaxAdvantaged(),
          path + ".account",
          account + " is tax-advantaged: use a contribution step, which checks the annual limit");
    }
    StepChecks.positiveAmount(v, amount, path + ".amount", ledgerCurrency);
    return v.errors();
  }

  @Override
  public String canonical() {
    return "DEPOSIT|" + account + "|" + amount;
  }

  @Override
  public String describe() {
    return "deposit " + amount + " into " + account;
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    return new Entry(amount, Posting.move(Book.EXTERNAL, Book.of(account), amount));
  }
}
