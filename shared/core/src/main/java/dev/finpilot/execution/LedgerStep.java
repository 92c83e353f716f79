package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;

/**
 * One operation of an execution. Each step knows how to check its own input ({@link #validate}),
 * and how to turn itself into balanced postings against the current books ({@link #entry}), which
 * is where state-dependent refusals (overdraft, limit, unknown account) are raised.
 */
public sealed interface LedgerStep
    permits OpenAccountStep,
        DepositStep,
        WithdrawalStep,
        ContributionStep,
        TransferStep,
        BuyStep,
        SellStep,
        FeeStep {

  TransactionType type();

  /** The account the step opens, credits or trades in (for a transfer, the destination). */
  AccountType account();

  /** The tax year a contribution counts against; empty for every other step. */
  default OptionalInt contributionYear() {
    return OptionalInt.empty();
  }

  /**
   * Problems with the step itself, whatever the books hold; fields are named under {@code path}.
   */
  List<FieldError> validate(String path, Currency ledgerCurrency);

  /**
   * A stable text form of every field, used to fingerprint requests for idempotency. It must not
   * change between releases for the same step, or replays would be mistaken for conflicts.
   */
  String canonical();

  /** A human-readable line for statements and audit trails. */
  String describe();

  /**
   * Whether these books still need the step. One that is not due posts no transaction, so the
   * result has none for its index. Only an {@link OpenAccountStep#unlessOpen} step can be not due.
   */
  default boolean isDueOn(Books books) {
    return true;
  }

  /** Computes the headline amount and the postings, refusing what the books cannot support. */
  Entry entry(Books books, ContributionLimits limits);

  /** The money side of a step: its headline amount and its balanced postings. */
  record Entry(Money amount, List<Posting> postings) {
    public Entry {
      postings = List.copyOf(postings);
    }
  }
}
