package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;

/**
 * A charge paid from an account's cash to the outside world. Fees are expenses, not part of any
 * holding's cost basis.
 */
public record FeeStep(AccountType account, Money amount, String reason) implements LedgerStep {

  static final int MAX_REASON_LENGTH = 200;

  @Override
  public TransactionType type() {
    return TransactionType.FEE;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    v.notNull(account, path + ".account");
    StepChecks.positiveAmount(v, amount, path + ".amount", ledgerCurrency);
    v.require(
        reason != null && !reason.isBlank() && reason.length() <= MAX_REASON_LENGTH,
        path + ".reason",
        "is required, at most " + MAX_REASON_LENGTH + " characters");
    return v.errors();
  }

  @Override
  public String canonical() {
    return "FEE|" + account + "|" + amount + "|" + reason;
  }

  @Override
  public String describe() {
    return "fee " + amount + " from " + account + " (" + reason + ")";
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    return new Entry(amount, Posting.move(Book.of(account), Book.EXTERNAL, amount));
  }
}
