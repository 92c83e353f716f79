package dev.finpilot.testkit.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which messages of a batch Lambda deletes after an invocation. With {@code
 * ReportBatchItemFailures}, the ones not listed as failures; a response naming an id that is not in
 * the batch (or a blank id) makes the whole batch a failure, as Lambda does. Without it, everything
 * on success. After an error, nothing.
 */
record BatchOutcome(Set<String> toDelete, boolean handlerError) {

  static BatchOutcome error() {
    return new BatchOutcome(Set.of(), true);
  }

  static BatchOutcome of(
      List<String> messageIds, SQSBatchResponse response, boolean reportBatchItemFailures) {
    if (!reportBatchItemFailures || response == null || response.getBatchItemFailures() == null) {
      return new BatchOutcome(Set.copyOf(messageIds), false);
    }
    Set<String> failed =
        response.getBatchItemFailures().stream()
            .map(f -> f == null ? null : f.getItemIdentifier())
            .collect(Collectors.toSet());
    if (failed.stream().anyMatch(id -> id == null || id.isBlank() || !messageIds.contains(id))) {
      return new BatchOutcome(Set.of(), false);
    }
    Set<String> succeeded =
        messageIds.stream().filter(id -> !failed.contains(id)).collect(Collectors.toSet());
    return new BatchOutcome(succeeded, false);
  }

  boolean deletes(String messageId) {
    return toDelete.contains(Objects.requireNonNull(messageId));
  }
}
