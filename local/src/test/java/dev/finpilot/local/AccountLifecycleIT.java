package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.ManagementApiStandIn;
import dev.finpilot.aws.WebSocketConnections;
import dev.finpilot.functions.authorizer.AuthorizerHandler;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiAuthorizer;
import dev.finpilot.testkit.http.HttpApiEvents;
import dev.finpilot.testkit.template.SamTemplate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An account's export and erasure, and a plan's edit, through the whole stack as a client drives it
 * (the authorizer in front of the API, the agents behind their queues). What counts as an account's
 * is found by scanning every table of the template for its id, its address (plain or hashed, as the
 * login throttle keys it) and its plans' ids; the API's own notion of the account's data is not
 * trusted for that.
 */
@WithAwsBackend
class AccountLifecycleIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final String MANAGEMENT_ENDPOINT = "aws.endpointUrlApiGatewayManagementApi";

  private static RunningStack stack;
  private static ManagementApiStandIn managementApi;
  private static Environment env;

  @BeforeAll
  static void start(Environment environment) {
    env = environment;
    managementApi = ManagementApiStandIn.start(Set.of(), Set.of());
    System.setProperty(MANAGEMENT_ENDPOINT, managementApi.endpoint().toString());
    stack = new RunningStack(env, 2);
  }

  @AfterAll
  static void stop() {
    stack.close();
    System.clearProperty(MANAGEMENT_ENDPOINT);
    managementApi.close();
  }

  @Test
  void theExportHoldsEveryItemOfTheAccountAndErasureLeavesNoneWhileAnotherAccountIsUntouched() {
    String ava = "ava-" + UUID.randomUUID();
    String bo = "bo-" + UUID.randomUUID();
    RunningStack.Session avaSession = stack.user(ava);
    String avaPlan = activePlan(ava, "idem-" + UUID.randomUUID());
    String boPlan = activePlan(bo, "idem-" + UUID.randomUUID());
    reportDivorce(ava, avaPlan);
    stack.awaitPlan(
        ava, avaPlan, PATIENCE, p -> "AWAITING_APPROVAL".equals(p.path("status").asText()));
    new WebSocketConnections(env.dynamoDb(), env.tableName("ConnectionsTable"), Clock.systemUTC())
        .open(avaSession.userId(), "conn-of-ava");
    List<String> avaNeedles = needles(ava, avaSession.userId(), avaPlan);
    List<String> boNeedles = needles(bo, stack.user(bo).userId(), boPlan);

    JsonNode export = Json.readTree(call(ava, "GET", "/v1/me/export", null).getBody());
    Map<String, Set<String>> held = keysOf(avaNeedles);
    assertThat(held.get("PlansTable")).as("plan head, versions, history").hasSizeGreaterThan(5);
    assertThat(held.get("LedgerTable")).isNotEmpty();
    assertThat(held.get("IdempotencyTable")).isNotEmpty();
    assertThat(held.get("RateLimitTable")).isNotEmpty();
    assertThat(held.get("ConnectionsTable")).hasSize(2);
    assertThat(exported(export)).isEqualTo(held);
    assertThat(export.toString()).doesNotContain("passwordHash").doesNotContain("pbkdf2");
    Map<String, Map<String, Object>> boBefore = items(boNeedles);

    APIGatewayV2HTTPResponse erased = call(ava, "DELETE", "/v1/me", null);

    assertThat(erased.getStatusCode()).as(erased.getBody()).isEqualTo(204);
    assertThat(keysOf(avaNeedles))
        .allSatisfy((table, keys) -> assertThat(keys).as(table).isEmpty());
    assertThat(items(boNeedles)).isEqualTo(boBefore);
    assertThat(managementApi.closed()).contains("conn-of-ava");
    assertThat(call(ava, "GET", "/v1/me", null).getStatusCode()).isIn(403, 404);
    assertThat(
            call(ava, "POST", "/v1/plans", Json.write(RunningStack.sampleRequest()))
                .getStatusCode())
        .isIn(401, 403);
    HttpApiAuthorizer coldAuthorizer =
        new HttpApiAuthorizer(
            new AuthorizerHandler(new FunctionEnvironment(env.functionEnv("AuthorizerFunction"))),
            List.of("Authorization"),
            Duration.ZERO,
            Clock.systemUTC());
    assertThat(
            coldAuthorizer.authorize(
                HttpApiEvents.get("/v1/me").header("Authorization", avaSession.bearer()).build(),
                null))
        .isInstanceOf(HttpApiAuthorizer.Decision.Refused.class);
    // The two requests above passed the authorizer on its minute-long memory of the token, so
    // their rate-limit buckets were taken again (docs/api.md, "Erasing your account"): nothing
    // else of the account came back.
    assertThat(keysOf(avaNeedles))
        .allSatisfy(
            (table, keys) ->
                assertThat(keys)
                    .as(table)
                    .allMatch(k -> table.equals("RateLimitTable") && k.startsWith("BUCKET#")));
  }

  @Test
  void anEditedGoalBecomesANewVersionThatReplacesTheActiveOneOnceApproved() {
    String cy = "cy-" + UUID.randomUUID();
    String planId = activePlan(cy, "idem-" + UUID.randomUUID());
    JsonNode goals = RunningStack.sampleRequest().get("goals").deepCopy();
    ((ObjectNode) goals.get(0)).put("description", "Retire at 60 with $2.1M");
    ((ObjectNode) goals.get(0).get("targetAmount")).put("amount", "2100000.00");

    APIGatewayV2HTTPResponse edited =
        call(cy, "PATCH", "/v1/plans/" + planId, "{\"goals\": " + Json.write(goals) + "}");

    assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(202);
    JsonNode pending =
        stack.awaitPlan(
            cy,
            planId,
            PATIENCE,
            p ->
                "AWAITING_APPROVAL".equals(p.path("status").asText())
                    || ("ACTIVE".equals(p.path("status").asText())
                        && p.path("currentVersion").asInt() > 1));
    assertThat(pending.path("status").asText())
        .as("an edit needs its owner, as a life event does: %s", pending)
        .isEqualTo("AWAITING_APPROVAL");
    assertThat(pending.path("activeVersion").asInt()).isEqualTo(1);
    int proposed = pending.path("pendingVersion").asInt();
    assertThat(proposed).isGreaterThan(1);
    assertThat(pending.path("request").path("goals").get(0).path("description").asText())
        .isEqualTo("Retire at 60 with $2.1M");
    JsonNode history = stack.get(cy, "/v1/plans/" + planId + "/history");
    assertThat(history.toString()).contains("its owner edited the plan's goals");

    APIGatewayV2HTTPResponse approved =
        call(cy, "POST", "/v1/plans/" + planId + "/versions/" + proposed + "/approve", null);
    assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(202);
    JsonNode active =
        stack.awaitPlan(
            cy,
            planId,
            PATIENCE,
            p ->
                "ACTIVE".equals(p.path("status").asText())
                    && p.path("activeVersion").asInt() == proposed);
    assertThat(active.path("statusReason").asText())
        .isEqualTo("version " + proposed + " replaced version 1");
  }

  /** A plan made with an idempotency key, followed to ACTIVE. */
  private static String activePlan(String user, String idempotencyKey) {
    RunningStack.Session session = stack.user(user);
    APIGatewayV2HTTPResponse accepted =
        stack.runtime.invoke(
            "POST",
            "/v1/plans",
            HttpApiEvents.post("/v1/plans")
                .sourceIp(session.sourceIp())
                .header("authorization", session.bearer())
                .header("Idempotency-Key", idempotencyKey)
                .jsonBody(Json.write(RunningStack.sampleRequest())));
    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(202);
    String planId = Json.readTree(accepted.getBody()).path("planId").asText();
    assertThat(stack.awaitFinal(user, planId, PATIENCE).path("status").asText())
        .isEqualTo("ACTIVE");
    return planId;
  }

  private static void reportDivorce(String user, String planId) {
    ObjectNode state = (ObjectNode) RunningStack.sampleRequest().get("state").deepCopy();
    state.put("filingStatus", "SINGLE");
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", "DIVORCE");
    body.set("state", state);
    APIGatewayV2HTTPResponse reported =
        stack.post(user, "/v1/plans/" + planId + "/life-events", Json.write(body), "corr-erase");
    assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(202);
  }

  private static APIGatewayV2HTTPResponse call(
      String user, String method, String path, String json) {
    RunningStack.Session session = stack.user(user);
    HttpApiEvents.Builder request =
        HttpApiEvents.request(method, path)
            .sourceIp(session.sourceIp())
            .header("authorization", session.bearer());
    return stack.runtime.invoke(method, path, json == null ? request : request.jsonBody(json));
  }

  /** What marks an item as the account's: its id, its address, the address's hash, its plan. */
  private static List<String> needles(String user, String userId, String planId) {
    String email = user + "@example.com";
    return List.of(userId, email, sha256(email), planId);
  }

  /** The keys ("pk | sk") of every item in every table of the template that is the account's. */
  private static Map<String, Set<String>> keysOf(List<String> needles) {
    Map<String, Set<String>> keys = new TreeMap<>();
    items(needles)
        .forEach(
            (id, item) -> {
              String[] parts = id.split(" \\| ", 2);
              keys.computeIfAbsent(parts[0], t -> new TreeSet<>()).add(parts[1]);
            });
    tables().forEach(t -> keys.computeIfAbsent(t, x -> new TreeSet<>()));
    return keys;
  }

  /** The account's items in every table, by "table | pk | sk". */
  private static Map<String, Map<String, Object>> items(List<String> needles) {
    Map<String, Map<String, Object>> found = new TreeMap<>();
    for (String table : tables()) {
      env
          .dynamoDb()
          .scanPaginator(r -> r.tableName(env.tableName(table)).consistentRead(true))
          .items()
          .stream()
          .filter(item -> mentionsAny(item.values(), needles))
          .forEach(
              item ->
                  found.put(
                      table + " | " + item.get("pk").s() + " | " + item.get("sk").s(),
                      new TreeMap<>(item)));
    }
    return found;
  }

  private static List<String> tables() {
    List<String> tables = new ArrayList<>();
    env.stack()
        .resources()
        .all()
        .forEach(
            (logicalId, resource) -> {
              if (resource.type().equals(SamTemplate.TABLE)) {
                tables.add(logicalId);
              }
            });
    assertThat(tables).hasSize(7);
    return tables;
  }

  private static boolean mentionsAny(Iterable<AttributeValue> values, List<String> needles) {
    for (AttributeValue value : values) {
      if (value.s() != null && needles.stream().anyMatch(value.s()::contains)) {
        return true;
      }
      if (value.hasM() && mentionsAny(value.m().values(), needles)) {
        return true;
      }
      if (value.hasL() && mentionsAny(value.l(), needles)) {
        return true;
      }
      if (value.hasSs()
          && value.ss().stream().anyMatch(s -> needles.stream().anyMatch(s::contains))) {
        return true;
      }
    }
    return false;
  }

  /** The export's items by table, as "pk | sk", every table of the template present. */
  private static Map<String, Set<String>> exported(JsonNode export) {
    Map<String, Set<String>> keys = new TreeMap<>();
    tables().forEach(t -> keys.put(t, new TreeSet<>()));
    export
        .path("tables")
        .fields()
        .forEachRemaining(
            table ->
                table
                    .getValue()
                    .forEach(
                        item ->
                            keys.get(table.getKey())
                                .add(item.path("pk").asText() + " | " + item.path("sk").asText())));
    return keys;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
