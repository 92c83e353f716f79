package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.LedgerStep;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.LedgerStore.Page;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.execution.Transaction;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger read a page at a time from the stack's DynamoDB table, by the store and through the
 * API function: items written as the execution agent writes them, for two users in one table.
 */
@WithAwsBackend
class LedgerPagingIT {

  private final Environment env;
  private ApiHandler api;
  private LedgerStore store;
  private String alice;
  private String bob;

  LedgerPagingIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void start() {
    api = new ApiHandler(new FunctionEnvironment(env.functionEnv("ApiFunction")));
    store =
        new DynamoLedgerStore(env.dynamoDb(), env.functionEnv("ApiFunction").get("LEDGER_TABLE"));
    alice = "alice-" + UUID.randomUUID();
    bob = "bob-" + UUID.randomUUID();
    Ledger ledger = new Ledger(store, (account, year) -> Optional.empty(), Clock.systemUTC());
    // Alice: a/0..a/2, then b/0, b/1. Bob, between them in time: x/0..x/2.
    execute(ledger, alice, "a", open(), deposit(1), deposit(2));
    execute(ledger, bob, "x", open(), deposit(7), deposit(8));
    execute(ledger, alice, "b", deposit(3), deposit(4));
  }

  @AfterEach
  void stop() {
    api.getApplicationContext().close();
  }

  private static void execute(Ledger ledger, String userId, String key, LedgerStep... steps) {
    ledger.apply(ExecutionRequest.forPlan(userId, "plan-1", 1, key, List.of(steps))).orThrow();
  }

  private static LedgerStep open() {
    return new OpenAccountStep(AccountType.CASH);
  }

  private static LedgerStep deposit(int dollars) {
    return new DepositStep(AccountType.CASH, Money.usd(dollars));
  }

  private List<List<String>> storePages(String userId, int limit) {
    List<List<String>> pages = new ArrayList<>();
    String cursor = null;
    do {
      Page<Transaction> page = store.transactions(userId, limit, cursor);
      pages.add(page.items().stream().map(Transaction::id).toList());
      cursor = page.nextCursor();
    } while (cursor != null);
    return pages;
  }

  private APIGatewayV2HTTPResponse get(String userId, String path) {
    return api.handleRequest(HttpApiEvents.get(path).identity(userId).build(), null);
  }

  @Test
  void theStoreQueriesOnePageAtATimeNewestFirstWithinTheUsersPartition() {
    assertThat(storePages(alice, 2))
        .containsExactly(List.of("b/1", "b/0"), List.of("a/2", "a/1"), List.of("a/0"));
    assertThat(storePages(alice, 5)).containsExactly(List.of("b/1", "b/0", "a/2", "a/1", "a/0"));
    assertThat(storePages(bob, 2)).containsExactly(List.of("x/2", "x/1"), List.of("x/0"));
    assertThat(store.transactions(alice))
        .extracting(Transaction::id)
        .containsExactly("a/0", "a/1", "a/2", "b/0", "b/1");
  }

  @Test
  void theApiPagesTheLedgerWithCursorsOnlyItsUserCanUse() {
    List<String> seen = new ArrayList<>();
    JsonNode page = Json.readTree(get(alice, "/v1/ledger?limit=2").getBody());
    seen.addAll(page.path("transactions").findValuesAsText("id"));
    String second = page.path("nextCursor").asText();
    while (page.has("nextCursor")) {
      APIGatewayV2HTTPResponse next =
          get(alice, "/v1/ledger?limit=2&cursor=" + page.path("nextCursor").asText());
      assertThat(next.getStatusCode()).as(next.getBody()).isEqualTo(200);
      page = Json.readTree(next.getBody());
      seen.addAll(page.path("transactions").findValuesAsText("id"));
    }
    assertThat(seen).containsExactly("b/1", "b/0", "a/2", "a/1", "a/0");

    APIGatewayV2HTTPResponse borrowed = get(bob, "/v1/ledger?cursor=" + second);
    APIGatewayV2HTTPResponse forged =
        get(alice, "/v1/ledger?cursor=" + Cursors.seal(alice, "TXN#not-a-sequence"));
    assertThat(borrowed.getStatusCode()).as(borrowed.getBody()).isEqualTo(400);
    assertThat(forged.getStatusCode()).as(forged.getBody()).isEqualTo(400);
    assertThat(Json.readTree(forged.getBody()).path("errors").get(0).path("field").asText())
        .isEqualTo("cursor");
  }
}
