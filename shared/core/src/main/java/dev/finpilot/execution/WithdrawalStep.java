package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;

/**
 * Cash leaving an account for the outside world. Whether a withdrawal from a retirement account is
 * penalised is the verifier's question; the ledger only refuses overdrafts.
 */
public record WithdrawalStep(AccountType account, Money amount) implements LedgerStep {

  @Override
  public TransactionType type() {
    return TransactionType.WITHDRAWAL;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    v.notNull(account, path + ".account");
    StepChecks.positiveAmount(v, amount, path + ".amount", ledgerCurrency);
    return v.errors();
  }

  @Override
  public String canonical() {
    return "WITHDRAW|" + account + "|" + amount;
  }

  @Override
  public String describe() {
    return "withdraw " + amount + " from " + account;
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    return new Entry(amount, Posting.move(Book.of(account), Book.EXTERNAL, amount));
  }
}
