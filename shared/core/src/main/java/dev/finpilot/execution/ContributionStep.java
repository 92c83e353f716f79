package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Money put into a tax-advantaged account for a tax year, checked against that year's annual limit
 * (shared with other account types where the law shares it). The money comes from outside (payroll
 * deferrals) or from one of the user's cash or taxable accounts.
 *
 * <p>The tax year is explicit because IRA and HSA contributions for a year may be made until the
 * filing deadline of the following April.
 */
public record ContributionStep(AccountType account, Money amount, int taxYear, Book source)
    implements LedgerStep {

  static final int MIN_TAX_YEAR = 2000;
  static final int MAX_TAX_YEAR = 2100;

  public static ContributionStep fromOutside(AccountType account, Money amount, int taxYear) {
    return new ContributionStep(account, amount, taxYear, Book.EXTERNAL);
  }

  @Override
  public TransactionType type() {
    return TransactionType.CONTRIBUTION;
  }

  @Override
  public OptionalInt contributionYear() {
    return OptionalInt.of(taxYear);
  }

  @Override
  public List<FieldError> validate(String path, Currency ledgerCurrency) {
    Validation v = new Validation();
    if (v.notNull(account, path + ".account")) {
      v.require(
          account.isTaxAdvantaged(),
          path + ".account",
          account + " is not tax-advantaged: use a deposit step");
    }
    StepChecks.positiveAmount(v, amount, path + ".amount", ledgerCurrency);
    v.between(taxYear, MIN_TAX_YEAR, MAX_TAX_YEAR, path + ".taxYear");
    if (v.notNull(source, path + ".source") && source instanceof Book.Own own) {
      v.require(
          !own.type().isTaxAdvantaged(),
          path + ".source",
          "must be EXTERNAL or a cash or taxable account; moving money between tax-advantaged"
              + " accounts is a transfer (rollover), not a contribution");
    }
    return v.errors();
  }

  @Override
  public String canonical() {
    return "CONTRIBUTE|" + account + "|" + amount + "|" + taxYear + "|" + source.key();
  }

  @Override
  public String describe() {
    return "contribute " + amount + " to " + account + " for " + taxYear + " from " + source.key();
  }

  @Override
  public Entry entry(Books books, ContributionLimits limits) {
    Entry entry = new Entry(amount, Posting.move(source, Book.of(account), amount));
    if (!account.hasAnnualContributionLimit()) {
      return entry;
    }
    ContributionLimit limit =
        limits
            .limitFor(account, taxYear)
            .orElseThrow(
                () ->
                    new LedgerException(
                        LedgerException.Reason.NO_CONTRIBUTION_LIMIT,
                        "no " + taxYear + " contribution limit is known for " + account));
    if (!limit.sharedBy().contains(account)) {
      throw new IllegalStateException("the limit returned for " + account + " does not cover it");
    }
    Money used =
        limit.sharedBy().stream()
            .map(t -> books.account(t).map(a -> a.contributed(taxYear)))
            .flatMap(Optional::stream)
            .reduce(Money.zero(books.currency()), Money::plus);
    Money after = used.plus(amount);
    if (after.isGreaterThan(limit.annualLimit())) {
      throw new LedgerException(
          LedgerException.Reason.CONTRIBUTION_LIMIT_EXCEEDED,
          taxYear
              + " contributions to "
              + sharedBy(limit)
              + " would reach "
              + after.amount().toPlainString()
              + ", above the annual limit of "
              + limit.annualLimit().amount().toPlainString()
              + " ("
              + used.amount().toPlainString()
              + " already contributed, "
              + limit
                  .annualLimit()
                  .minus(used)
                  .max(Money.zero(books.currency()))
                  .amount()
                  .toPlainString()
              + " left)");
    }
    return entry;
  }

  private static String sharedBy(ContributionLimit limit) {
    return limit.sharedBy().stream().map(Enum::name).collect(Collectors.joining(" + "));
  }
}
