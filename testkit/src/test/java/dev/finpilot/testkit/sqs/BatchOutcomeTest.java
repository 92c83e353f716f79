package dev.finpilot.testkit.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchOutcomeTest {

  private static final List<String> IDS = List.of("m1", "m2", "m3");

  private static SQSBatchResponse failures(String... ids) {
    List<BatchItemFailure> failures = new ArrayList<>();
    for (String id : ids) {
      failures.add(new BatchItemFailure(id));
    }
    return new SQSBatchResponse(failures);
  }

  @Test
  void reportedFailuresStayAndTheRestIsDeleted() {
    BatchOutcome outcome = BatchOutcome.of(IDS, failures("m2"), true);
    assertThat(outcome.toDelete()).containsExactlyInAnyOrder("m1", "m3");
    assertThat(outcome.handlerError()).isFalse();
  }

  @Test
  void noResponseOrNoFailuresDeletesEverything() {
    assertThat(BatchOutcome.of(IDS, null, true).toDelete())
        .containsExactlyInAnyOrderElementsOf(IDS);
    assertThat(BatchOutcome.of(IDS, new SQSBatchResponse(), true).toDelete())
        .containsExactlyInAnyOrderElementsOf(IDS);
    assertThat(BatchOutcome.of(IDS, failures(), true).toDelete())
        .containsExactlyInAnyOrderElementsOf(IDS);
  }

  @Test
  void anUnknownOrBlankIdentifierFailsTheWholeBatch() {
    assertThat(BatchOutcome.of(IDS, failures("m1", "other"), true).toDelete()).isEmpty();
    assertThat(BatchOutcome.of(IDS, failures(""), true).toDelete()).isEmpty();
    assertThat(BatchOutcome.of(IDS, failures((String) null), true).toDelete()).isEmpty();
  }

  @Test
  void withoutReportBatchItemFailuresTheResponseIsIgnored() {
    assertThat(BatchOutcome.of(IDS, failures("m1"), false).toDelete())
        .containsExactlyInAnyOrderElementsOf(IDS);
  }

  @Test
  void anErrorDeletesNothing() {
    assertThat(BatchOutcome.error().toDelete()).isEmpty();
    assertThat(BatchOutcome.error().handlerError()).isTrue();
  }
}
