package dev.finpilot.execution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one execution. A replay of the same request returns this same result, unchanged.
 *
 * @param reversalsOfReplaced the reversals of the replaced execution's transactions, newest first,
 *     posted before the steps when the request replaced an execution of the same month; empty
 *     otherwise. A refused replacement posts nothing: then this, {@code transactions} and {@code
 *     compensations} are all empty
 * @param transactions the transactions posted for the steps, in step order; a step that was not due
 *     (an opening unless open of an open account) has none
 * @param compensations the reversals of those transactions, newest first; empty on success
 * @param books the user's books afterwards (for a dry run: what they would be)
 */
public record ExecutionResult(
    String userId,
    String planId,
    int planVersion,
    String idempotencyKey,
    boolean dryRun,
    ExecutionStatus status,
    List<Transaction> reversalsOfReplaced,
    List<Transaction> transactions,
    List<Transaction> compensations,
    Optional<StepFailure> failure,
    Books books) {

  public ExecutionResult {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(books, "books");
    // Absent from results stored before replacements existed.
    reversalsOfReplaced =
        reversalsOfReplaced == null ? List.of() : List.copyOf(reversalsOfReplaced);
    transactions = List.copyOf(transactions);
    compensations = List.copyOf(compensations);
    if ((status == ExecutionStatus.FAILED) != failure.isPresent()) {
      throw new IllegalArgumentException("a failure is given exactly when the status is FAILED");
    }
  }

  public boolean succeeded() {
    return status == ExecutionStatus.COMPLETED;
  }

  /** This result if it succeeded; otherwise the failing step's {@link LedgerException}. */
  public ExecutionResult orThrow() {
    if (failure.isPresent()) {
      throw failure.get().toException();
    }
    return this;
  }
}
