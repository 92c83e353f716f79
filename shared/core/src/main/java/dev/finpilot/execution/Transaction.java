package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A balanced set of postings made for one step of one execution. Transactions are never edited or
 * deleted: a failed execution is undone by posting a reversal, which points at the transaction it
 * undoes through {@code reversalOf}.
 *
 * @param id unique per user: {@code <execution key>/<step index>}, with {@code /reversal} appended
 *     for a reversal, so a storage adapter can write it with an "attribute does not exist"
 *     condition
 * @param account the account the step opens, credits or trades in (for a transfer, the destination)
 * @param amount the step's headline amount (deposit, contribution, transfer, trade value or fee);
 *     positive also for a reversal
 * @param taxYear the tax year a contribution counts against; empty for every other type
 */
public record Transaction(
    String id,
    String executionKey,
    int stepIndex,
    TransactionType type,
    AccountType account,
    Money amount,
    OptionalInt taxYear,
    Optional<String> reversalOf,
    Instant postedAt,
    String description,
    List<Posting> postings) {

  static final String REVERSAL_SUFFIX = "/reversal";

  public Transaction {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(executionKey, "executionKey");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(taxYear, "taxYear");
    Objects.requireNonNull(reversalOf, "reversalOf");
    Objects.requireNonNull(postedAt, "postedAt");
    Objects.requireNonNull(description, "description");
    postings = List.copyOf(postings);
    BigDecimal sum = BigDecimal.ZERO;
    for (Posting p : postings) {
      if (!p.amount().currency().equals(amount.currency())) {
        throw new IllegalStateException("posting currency differs from transaction " + id);
      }
      sum = sum.add(p.amount().amount());
    }
    if (sum.signum() != 0) {
      throw new IllegalStateException("postings of " + id + " do not balance: " + sum);
    }
  }

  static String idFor(String executionKey, int stepIndex) {
    return executionKey + "/" + stepIndex;
  }

  public boolean isReversal() {
    return reversalOf.isPresent();
  }

  /** The transaction that exactly undoes this one: same facts, every posting negated. */
  public Transaction reversal(Instant at) {
    if (isReversal()) {
      throw new IllegalStateException("a reversal is never itself reversed: " + id);
    }
    return new Transaction(
        id + REVERSAL_SUFFIX,
        executionKey,
        stepIndex,
        type,
        account,
        amount,
        taxYear,
        Optional.of(id),
        at,
        "reversal of: " + description,
        postings.stream().map(Posting::negate).toList());
  }
}
