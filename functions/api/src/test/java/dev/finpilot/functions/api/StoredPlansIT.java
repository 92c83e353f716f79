package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.StoredVersionItem;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plan items in the stack's DynamoDB table as earlier code wrote them (a version whose results were
 * free JSON, a history entry under a former message name) read through the API function as they did
 * then, and a listing cursor DynamoDB refuses is the caller's mistake, not the service's.
 */
@WithAwsBackend
class StoredPlansIT {

  private final Environment env;
  private ApiHandler api;
  private String table;
  private String userId;
  private String planId;

  StoredPlansIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void storeAPlanAsEarlierCodeDid() {
    api = new ApiHandler(new FunctionEnvironment(env.functionEnv("ApiFunction")));
    table = env.functionEnv("ApiFunction").get("PLANS_TABLE");
    userId = "stored-" + UUID.randomUUID();
    planId = UUID.randomUUID().toString();
    StoredVersionItem.storeHead(
        new DynamoPlanRepository(env.dynamoDb(), table),
        planId,
        userId,
        Instant.parse("2026-03-02T14:05:07Z"));
    put(
        "VERSION#0001",
        Map.of(
            "version",
            s(StoredVersionItem.version().replace(StoredVersionItem.PLAN_ID, planId)),
            "verification",
            s(StoredVersionItem.verification())));
    put(
        "EVENT#0000000002",
        Map.of(
            "event",
            s(
                "{\"planId\":\""
                    + planId
                    + "\",\"revision\":2,\"from\":\"AWAITING_APPROVAL\",\"to\":\"ACTIVE\","
                    + "\"messageType\":\"VersionRejected\",\"messageId\":\"m2\","
                    + "\"correlationId\":\"corr-s\",\"reason\":\"declined\","
                    + "\"at\":\"2026-03-02T14:06:07Z\",\"millisInPreviousState\":60000}")));
  }

  @AfterEach
  void stop() {
    api.getApplicationContext().close();
  }

  @Test
  void aVersionStoredWithFreeJsonResultsIsAnsweredAsBefore() {
    APIGatewayV2HTTPResponse response = get("/v1/plans/" + planId + "/versions/1");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(
            StoredVersionItem.byValue(
                StoredVersionsTest.withoutSnapshot(Json.readTree(response.getBody()))))
        .isEqualTo(StoredVersionItem.byValue(StoredVersionsTest.before()));
  }

  @Test
  void historyStoredUnderAFormerMessageNameReadsUnderTheCurrentOne() {
    JsonNode history = Json.readTree(get("/v1/plans/" + planId + "/history").getBody());

    assertThat(history.path("transitions").findValuesAsText("messageType"))
        .containsExactly("PlanVerified", "VersionDeclined");
  }

  private APIGatewayV2HTTPResponse get(String path) {
    return api.handleRequest(HttpApiEvents.get(path).identity(userId).build(), null);
  }

  private void put(String sortKey, Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> item = new HashMap<>(attributes);
    item.put("pk", s("PLAN#" + planId));
    item.put("sk", s(sortKey));
    env.dynamoDb().putItem(r -> r.tableName(table).item(item));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.builder().s(value).build();
  }
}
