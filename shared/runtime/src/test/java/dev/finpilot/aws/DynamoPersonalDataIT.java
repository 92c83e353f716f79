package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.accounts.erasure.AccountOwner;
import dev.finpilot.auth.Session;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An account's items in every table of the template, as the API and the agents lay them out: found
 * for the export, and deleted by the erasure while another account's stay as they were.
 */
@WithAwsBackend
class DynamoPersonalDataIT {
  private static final Instant NOW = Instant.now();
  private static final List<String> TABLES =
      List.of(
          "UsersTable",
          "PlansTable",
          "LedgerTable",
          "IdempotencyTable",
          "RateLimitTable",
          "ConnectionsTable");

  private final Environment env;
  private final DynamoPersonalData data;
  private final Map<String, String> planOf = new HashMap<>();

  DynamoPersonalDataIT(Environment env) {
    this.env = env;
    this.data =
        new DynamoPersonalData(
            env.dynamoDb(),
            new DynamoPersonalData.Tables(
                env.tableName("PlansTable"),
                env.tableName("LedgerTable"),
                env.tableName("UsersTable"),
                env.tableName("IdempotencyTable"),
                env.tableName("RateLimitTable"),
                env.tableName("ConnectionsTable")));
  }

  @Test
  void theExportFindsEveryItemOfTheAccountInEveryTableAndNoSecret() {
    AccountOwner ada = seed();
    seed();

    Map<String, List<Map<String, Object>>> items = data.items(ada);

    assertThat(items.keySet()).containsExactlyElementsOf(TABLES);
    assertThat(items.get("UsersTable"))
        .extracting(i -> i.get("sk"))
        .containsExactlyInAnyOrder(
            "PROFILE",
            "SESSION#s-" + ada.userId(),
            "REFRESH#h-" + ada.userId(),
            "TOKEN",
            "FAMILY",
            "EMAIL");
    assertThat(items.get("UsersTable")).noneMatch(i -> i.containsKey("passwordHash"));
    assertThat(items.get("PlansTable"))
        .extracting(i -> i.get("sk"))
        .containsExactly("EVENT#0000000001", "META");
    assertThat(items.get("PlansTable").get(0).get("event").toString()).contains("\"to\"");
    assertThat(items.get("LedgerTable")).hasSize(1);
    assertThat(items.get("IdempotencyTable")).hasSize(1);
    assertThat(items.get("RateLimitTable")).hasSize(2);
    assertThat(items.get("ConnectionsTable")).hasSize(2);
    assertThat(items.toString()).doesNotContain("not-a-real-hash");
    assertThat(scan(ada)).hasSize(items.values().stream().mapToInt(List::size).sum());
  }

  @Test
  void erasureLeavesNothingOfTheAccountAndAnotherAccountAsItWas() {
    AccountOwner ada = seed();
    AccountOwner bob = seed();
    Map<String, Map<String, AttributeValue>> bobBefore = scan(bob);

    data.markErasing(ada.userId(), NOW);
    data.eraseAllButProfile(ada);
    assertThat(scan(ada).keySet())
        .as("the profile goes last, still naming its owner for a repeat")
        .containsExactly("UsersTable USER#" + ada.userId() + " PROFILE");
    assertThat(scan(ada).values().iterator().next()).containsKey(DynamoPersonalData.ERASING);
    assertThat(data.owner(ada.userId())).contains(ada);
    data.eraseAllButProfile(ada);
    data.deleteProfile(ada.userId());

    assertThat(scan(ada)).isEmpty();
    assertThat(data.owner(ada.userId())).isEmpty();
    assertThat(scan(bob)).isEqualTo(bobBefore);
  }

  @Test
  void anAddressRegisteredAgainMeanwhileIsNotErased() {
    AccountOwner ada = seed();
    put("UsersTable", "EMAIL#" + ada.email(), "EMAIL", Map.of("userId", "someone-new"));

    data.eraseAllButProfile(ada);

    assertThat(
            env.dynamoDb()
                .getItem(
                    r ->
                        r.tableName(env.tableName("UsersTable"))
                            .key(Items.key("EMAIL#" + ada.email(), "EMAIL")))
                .item())
        .containsEntry("userId", Items.s("someone-new"));
  }

  @Test
  void endingASessionClosesItsConnectionsAndErasureAllOfThem() {
    String user = "u-" + UUID.randomUUID();
    WebSocketConnections connections =
        new WebSocketConnections(
            env.dynamoDb(), env.tableName("ConnectionsTable"), Clock.systemUTC());
    connections.open(user, "s1", "c-s1-" + user);
    connections.open(user, "s2", "c-s2-" + user);
    connections.open(user, "c-old-" + user);
    connections.open(user, "s2", "c-gone-" + user);
    try (ManagementApiStandIn api =
        ManagementApiStandIn.start(Set.of("c-gone-" + user), Set.of())) {
      WebSocketConnectionCloser closer =
          new WebSocketConnectionCloser(
              connections, WebSocketPlanNotifier.managementClient(api.endpoint().toString()));

      assertThat(closer.closeSession(user, "s1")).isEqualTo(2);
      assertThat(api.closed()).containsExactlyInAnyOrder("c-s1-" + user, "c-old-" + user);
      assertThat(connections.allOf(user))
          .extracting(WebSocketConnections.Connection::connectionId)
          .containsExactlyInAnyOrder("c-s2-" + user, "c-gone-" + user);

      assertThat(closer.closeAll(user)).isEqualTo(2);
      assertThat(api.closed()).contains("c-s2-" + user);
      assertThat(connections.allOf(user)).isEmpty();
    }
  }

  /** One account with an item of each kind in each table, as the API and agents write them. */
  private AccountOwner seed() {
    String userId = "u-" + UUID.randomUUID();
    AccountOwner owner = new AccountOwner(userId, userId + "@example.com");
    put(
        "UsersTable",
        "USER#" + userId,
        "PROFILE",
        Map.of("userId", userId, "email", owner.email(), "passwordHash", "not-a-real-hash"));
    put("UsersTable", "EMAIL#" + owner.email(), "EMAIL", Map.of("userId", userId));
    new DynamoSessionStore(env.dynamoDb(), env.tableName("UsersTable"))
        .start(new Session("s-" + userId, userId, NOW, NOW.plusSeconds(3600), null));
    put("UsersTable", "USER#" + userId, "REFRESH#h-" + userId, Map.of());
    put(
        "UsersTable",
        "REFRESH#h-" + userId,
        "TOKEN",
        Map.of("userId", userId, "familyId", "s-" + userId));
    put("UsersTable", "FAMILY#s-" + userId, "FAMILY", Map.of("userId", userId));
    String planId = "p-" + UUID.randomUUID();
    planOf.put(userId, planId);
    new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"))
        .create(PlanRecord.received(planId, userId, FinancialStateFixtures.request(), "c", NOW));
    put(
        "PlansTable",
        "PLAN#" + planId,
        "EVENT#0000000001",
        Map.of("event", "{\"to\":\"RETRIEVING\"}"));
    put("LedgerTable", "USER#" + userId, "TXN#000000000001", Map.of("transaction", "{}"));
    put("IdempotencyTable", "API#" + userId + "#POST /v1/plans#k1", "REQUEST", Map.of());
    put("RateLimitTable", "BUCKET#WRITE#" + userId, "BUCKET", Map.of());
    put(
        "RateLimitTable",
        "ATTEMPTS#LOGIN#KNOWN#" + DynamoPersonalData.sha256(owner.email()) + "#ip",
        "COUNTER",
        Map.of());
    new WebSocketConnections(env.dynamoDb(), env.tableName("ConnectionsTable"), Clock.systemUTC())
        .open(userId, "s-" + userId, "conn-" + userId);
    return owner;
  }

  private void put(String table, String pk, String sk, Map<String, String> attributes) {
    Map<String, AttributeValue> item = new HashMap<>(Items.key(pk, sk));
    attributes.forEach((name, value) -> item.put(name, Items.s(value)));
    env.dynamoDb().putItem(r -> r.tableName(env.tableName(table)).item(item));
  }

  /** Every item naming the account (its id, its address's hash or its plan), by "table pk sk". */
  private Map<String, Map<String, AttributeValue>> scan(AccountOwner owner) {
    List<String> needles =
        List.of(
            owner.userId(), DynamoPersonalData.sha256(owner.email()), planOf.get(owner.userId()));
    Map<String, Map<String, AttributeValue>> found = new TreeMap<>();
    for (String table : TABLES) {
      env
          .dynamoDb()
          .scanPaginator(r -> r.tableName(env.tableName(table)).consistentRead(true))
          .items()
          .stream()
          .filter(
              item ->
                  item.values().stream()
                      .anyMatch(v -> v.s() != null && needles.stream().anyMatch(v.s()::contains)))
          .forEach(
              item ->
                  found.put(
                      table + " " + item.get("pk").s() + " " + item.get("sk").s(),
                      new TreeMap<>(item)));
    }
    return found;
  }
}
