package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A listing cursor that is not the store's own is an {@link InvalidCursorException}, whether it
 * does not decode or DynamoDB refuses it as a start key; the emulator does neither as DynamoDB
 * does, so a client stands in for it here.
 */
class DynamoPlanRepositoryTest {

  private static final String WELL_FORMED =
      Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString("pk\u0000PLAN#x\u0001sk\u0000META".getBytes(StandardCharsets.UTF_8));

  private final List<QueryRequest> queries = new ArrayList<>();

  private DynamoPlanRepository answering(int status) {
    DynamoDbClient dynamo =
        new DynamoDbClient() {
          @Override
          public QueryResponse query(QueryRequest request) {
            queries.add(request);
            throw (DynamoDbException)
                DynamoDbException.builder().statusCode(status).message("refused").build();
          }

          @Override
          public String serviceName() {
            return "dynamodb";
          }

          @Override
          public void close() {}
        };
    return new DynamoPlanRepository(dynamo, "plans");
  }

  @Test
  void aCursorThatDoesNotDecodeNeverReachesDynamoDb() {
    assertThatThrownBy(() -> answering(200).listByUser("u1", 10, "***"))
        .isInstanceOf(InvalidCursorException.class);
    assertThat(queries).isEmpty();
  }

  @Test
  void aStartKeyDynamoDbRefusesIsAnInvalidCursor() {
    assertThatThrownBy(() -> answering(400).listByUser("u1", 10, WELL_FORMED))
        .isInstanceOf(InvalidCursorException.class);
    assertThat(queries)
        .singleElement()
        .satisfies(q -> assertThat(q.hasExclusiveStartKey()).isTrue());
  }

  @Test
  void otherRefusalsAreDynamoDbsOwn() {
    assertThatThrownBy(() -> answering(400).listByUser("u1", 10, null))
        .isInstanceOf(DynamoDbException.class);
    assertThatThrownBy(() -> answering(500).listByUser("u1", 10, WELL_FORMED))
        .isInstanceOf(DynamoDbException.class)
        .isNotInstanceOf(InvalidCursorException.class);
  }
}
