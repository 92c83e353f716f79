package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;

/**
 * Cash moved between two of the user's own accounts. Moving money into a tax-advantaged account
 * from a cash or taxable one would dodge the annual limit, so that must be a contribution; moves
 * between tax-advantaged accounts (rollovers, conversions) are allowed here and judged by the
 * verifier.
 */
public record TransferStep(AccountType from, AccountType to, Money amount) implements LedgerStep {

  @Override
  public TransactionType type() {
    return TransactionType.TRANSFER;
  }

  @Override
  public AccountType account() {
    return to;
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    boolean hasFrom = v.notNull(from, path + ".from");
    if (v.notNull(to, path + ".to") && hasFrom) {
      v.require(from != to, path + ".to", "must differ from the source account " + from);
      v.require(
          !to.isTaxAdvantaged() || from.isTaxAdvantaged(),
          path + ".to",
          "money moved from "
              + from
              + " into tax-advantaged "
              + to
              + " is a contribution: use a contribution step with source "
              + from);
    }
    StepChecks.positiveAmount(v, amount, path + ".amount", ledgerCurrency);
    return v.errors();
  }

  @Override
  public String canonical() {
    return "TRANSFER|" + from + "|" + to + "|" + amount;
  }

  @Override
  public String describe() {
    return "transfer " + amount + " from " + from + " to " + to;
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    return new Entry(amount, Posting.move(Book.of(from), Book.of(to), amount));
  }
}
