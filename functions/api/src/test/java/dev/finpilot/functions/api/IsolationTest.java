package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.plans.PlanRecord;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every route that names a plan answers another user's plan exactly as a plan that does not exist:
 * 404, the same problem, and nothing of the plan in the answer. Lists and the ledger show only the
 * caller's own data. Market quotes belong to no user: every caller sees the same ones, and only
 * callers see them.
 */
class IsolationTest extends HandlerHarness {
  static final String OWNER = "owner-1";
  static final String INTRUDER = "intruder-2";

  @BeforeEach
  void accounts() {
    account(OWNER);
    account(INTRUDER);
  }

  static final String MISSING = "00000000-0000-4000-8000-000000000000";

  final PlanSeeds seeds = new PlanSeeds(plans);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET {id}",
        "GET {id}/versions/1",
        "GET {id}/trace",
        "GET {id}/trace?version=1",
        "GET {id}/history",
        "GET {id}/compare?from=1&to=1",
        "POST {id}/cancel",
        "POST {id}/versions/1/approve",
        "POST {id}/versions/1/reject",
        "POST {id}/life-events",
        "GET {id}/versions/1/explanation",
        "POST {id}/versions/1/what-if",
        "GET {id}/versions/1/stress-tests",
        "GET {id}/versions/1/risk",
        "GET {id}/recommendations"
      })
  void anotherUsersPlanIsNotFoundOnEveryRoute(String route) {
    PlanRecord plan = seeds.withVersions(OWNER, NOW, 1);

    JsonNode foreign = problem(send(INTRUDER, route, plan.planId()), 404, "not-found");
    JsonNode missing = problem(send(INTRUDER, route, MISSING), 404, "not-found");

    assertThat(foreign.path("detail")).isEqualTo(missing.path("detail"));
    assertThat(foreign.toString())
        .doesNotContain(OWNER)
        .doesNotContain(plan.correlationId())
        .doesNotContain("VERIFYING")
        .doesNotContain("balanced");
    assertThat(send(OWNER, route, plan.planId()).getStatusCode()).isNotEqualTo(404);
  }

  private APIGatewayV2HTTPResponse send(String user, String route, String planId) {
    boolean read = route.startsWith("GET ");
    String path = "/v1/plans/" + route.substring(read ? 4 : 5).replace("{id}", planId);
    return read ? get(user, path) : post(user, path, null);
  }

  @Test
  void theListShowsOnlyTheCallersPlans() {
    PlanRecord mine = seeds.received(OWNER, NOW);
    seeds.received(INTRUDER, NOW.plusSeconds(1));

    JsonNode page = body(get(OWNER, "/v1/plans"));

    assertThat(page.path("items").findValuesAsText("planId")).containsExactly(mine.planId());
  }

  @Test
  void theLedgerAndPortfolioShowOnlyTheCallersBooks() {
    new Ledger(ledger, (account, year) -> Optional.empty(), clock)
        .apply(
            ExecutionRequest.forPlan(
                OWNER,
                "plan-1",
                1,
                "exec-1",
                List.of(
                    new OpenAccountStep(AccountType.CASH),
                    new DepositStep(AccountType.CASH, Money.usd(1234)))));

    JsonNode owners = body(get(OWNER, "/v1/ledger"));
    JsonNode intruders = body(get(INTRUDER, "/v1/ledger"));
    JsonNode intrudersPortfolio = body(get(INTRUDER, "/v1/portfolio"));

    assertThat(owners.path("transactions")).hasSize(2);
    assertThat(intruders.path("transactions")).isEmpty();
    assertThat(intrudersPortfolio.path("accounts")).isEmpty();
    assertThat(intrudersPortfolio.toString()).doesNotContain("1234");
  }

  @Test
  void anIdempotencyKeyOfAnotherUserIsAnotherKey() {
    String body = samplePlanBody();
    APIGatewayV2HTTPResponse owners =
        call(
            dev.finpilot.testkit.http.HttpApiEvents.post("/v1/plans")
                .identity(OWNER)
                .header("Idempotency-Key", "shared-key")
                .jsonBody(body));
    APIGatewayV2HTTPResponse intruders =
        call(
            dev.finpilot.testkit.http.HttpApiEvents.post("/v1/plans")
                .identity(INTRUDER)
                .header("Idempotency-Key", "shared-key")
                .jsonBody(body));

    assertThat(owners.getStatusCode()).isEqualTo(202);
    assertThat(intruders.getStatusCode()).isEqualTo(202);
    assertThat(body(intruders).path("planId")).isNotEqualTo(body(owners).path("planId"));
    assertThat(intruders.getHeaders()).doesNotContainKey(IdempotentRequests.REPLAYED_HEADER);
  }

  @Test
  void marketQuotesNeedACallerAndShowEveryCallerTheSameMarket() {
    marketData.answer(MarketQuotesTest.quote("AAPL", "189.84", Duration.ZERO));
    String path = MarketQuotesTest.PATH + "AAPL,MSFT";

    problem(call(dev.finpilot.testkit.http.HttpApiEvents.get(path)), 401, "unauthenticated");
    APIGatewayV2HTTPResponse owners = get(OWNER, path);
    APIGatewayV2HTTPResponse intruders = get(INTRUDER, path);

    assertThat(owners.getStatusCode()).isEqualTo(200);
    assertThat(intruders.getBody()).isEqualTo(owners.getBody()).doesNotContain(OWNER);
  }
}
