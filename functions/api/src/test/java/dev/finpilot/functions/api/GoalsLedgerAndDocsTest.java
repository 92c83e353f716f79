package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Asset;
import dev.finpilot.execution.BuyStep;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Goals in plain words, the ledger and portfolio, and the API's own documentation. */
class GoalsLedgerAndDocsTest extends HandlerHarness {

  @Test
  void aGoalInWordsIsReadWithItsConfidenceAndAsPlanningGoals() {
    APIGatewayV2HTTPResponse response =
        post(
            USER,
            "/v1/goals/parse",
            "{\"text\":\"I want to save $100,000 for retirement in 10 years\",\"currentAge\":40}");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode reading = body(response);
    assertThat(reading.path("goals")).hasSize(1);
    assertThat(reading.path("goals").get(0).path("type").asText()).isEqualTo("RETIREMENT");
    assertThat(reading.path("goals").get(0).path("targetAmount").path("amount").decimalValue())
        .isEqualByComparingTo("100000");
    assertThat(reading.path("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(reading.path("planningGoals").get(0).path("targetDate").asText())
        .isEqualTo(TODAY.plusYears(10).toString());
    assertThat(reading.has("unparsed")).isTrue();
  }

  @Test
  void textWithNoGoalIsUnprocessableWithTheParsersExplanation() {
    JsonNode problem =
        problem(
            post(USER, "/v1/goals/parse", "{\"text\":\"the weather is lovely today\"}"),
            422,
            "unreadable-goal");

    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("text");
    assertThat(problem.path("detail").asText()).contains("could not find a financial goal");
  }

  @Test
  void parseRequestsAreValidated() {
    JsonNode problem =
        problem(
            post(USER, "/v1/goals/parse", "{\"text\":null,\"currentAge\":7}"),
            422,
            "validation-failed");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("text", "currentAge");
    problem(post(USER, "/v1/goals/parse", "{\"txt\":\"retire\"}"), 400, "invalid-request");
    problem(
        post(USER, "/v1/goals/parse", "{\"text\":\"" + "x".repeat(2001) + "\"}"),
        422,
        "validation-failed");
  }

  @Test
  void aPlanCanBeAskedForInWords() {
    ObjectNode body = (ObjectNode) Json.readTree(samplePlanBody());
    body.remove("goals");
    body.put("goalText", "build a 6 month emergency fund within 2 years");

    APIGatewayV2HTTPResponse response = post(USER, "/v1/plans", body.toString());

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    JsonNode accepted = body(response);
    assertThat(accepted.path("interpretation").path("goals").get(0).path("type").asText())
        .isEqualTo("EMERGENCY_FUND");
    assertThat(accepted.path("interpretation").path("assumptions")).isNotEmpty();
    String planId = accepted.path("planId").asText();
    assertThat(plans.find(planId).orElseThrow().request().goals())
        .singleElement()
        .satisfies(g -> assertThat(g.type().name()).isEqualTo("EMERGENCY_FUND"));
  }

  @Test
  void goalsAndGoalTextTogetherAreRefusedAndUnreadableTextIsNamed() {
    ObjectNode both = (ObjectNode) Json.readTree(samplePlanBody());
    both.put("goalText", "retire at 60");
    JsonNode twice = problem(post(USER, "/v1/plans", both.toString()), 422, "validation-failed");
    assertThat(twice.path("errors").get(0).path("field").asText()).isEqualTo("goalText");

    ObjectNode unreadable = (ObjectNode) Json.readTree(samplePlanBody());
    unreadable.remove("goals");
    unreadable.put("goalText", "hello there");
    JsonNode problem =
        problem(post(USER, "/v1/plans", unreadable.toString()), 422, "unreadable-goal");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("goalText");
    assertThat(bus.sent()).isEmpty();
  }

  @Test
  void theLedgerListsTransactionsNewestFirstAndThePortfolioValuesHoldings() {
    Asset vti = Asset.security("VTI", AssetClass.US_LARGE_CAP);
    new Ledger(ledger, (account, year) -> Optional.empty(), clock)
        .apply(
            ExecutionRequest.forPlan(
                USER,
                "plan-1",
                1,
                "exec-1",
                List.of(
                    new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
                    new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(10_000)),
                    new BuyStep(
                        AccountType.TAXABLE_BROKERAGE,
                        vti,
                        new BigDecimal("10"),
                        Money.usd("250.00")))));

    JsonNode page = body(get(USER, "/v1/ledger?limit=2"));
    assertThat(page.path("transactions")).hasSize(2);
    assertThat(page.path("transactions").get(0).path("type").asText()).isEqualTo("BUY");
    JsonNode rest =
        body(get(USER, "/v1/ledger?limit=2&cursor=" + page.path("nextCursor").asText()));
    assertThat(rest.path("transactions")).hasSize(1);
    assertThat(rest.path("transactions").get(0).path("type").asText()).isEqualTo("OPEN_ACCOUNT");
    assertThat(rest.has("nextCursor")).isFalse();
    problem(get(USER, "/v1/ledger?limit=500"), 400, "invalid-request");

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));
    assertThat(portfolio.path("cash").path("amount").decimalValue()).isEqualByComparingTo("7500");
    assertThat(portfolio.path("lastTradePrices").path("VTI").path("amount").decimalValue())
        .isEqualByComparingTo("250");
    assertThat(portfolio.path("priceBasis").asText()).isEqualTo("LAST_TRADE");
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10000");
  }

  @Test
  void anEmptyLedgerIsEmptyBooksNotAnError() {
    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    assertThat(portfolio.path("accounts")).isEmpty();
    assertThat(portfolio.path("cash").path("amount").decimalValue()).isEqualByComparingTo("0");
    assertThat(body(get(USER, "/v1/ledger")).path("transactions")).isEmpty();
  }

  @Test
  void theOpenApiDocumentIsServedAsWrittenWithoutAToken() throws IOException {
    APIGatewayV2HTTPResponse response = call(HttpApiEvents.get("/openapi.yaml"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("application/yaml");
    assertThat(response.getBody())
        .isEqualTo(Files.readString(RepositoryFiles.resolve("docs/openapi.yaml")));
  }

  @Test
  void theDocsPageListsEveryOperationAndRunsNoScript() throws IOException {
    APIGatewayV2HTTPResponse response = call(HttpApiEvents.get("/docs"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
    assertThat(response.getHeaders())
        .containsEntry("Content-Security-Policy", DocsController.PAGE_POLICY);
    String page = response.getBody();
    assertThat(page).doesNotContain("<script");
    OpenApiDocumentTest.document()
        .path("paths")
        .fieldNames()
        .forEachRemaining(path -> assertThat(page).contains("<code>" + path + "</code>"));
    assertThat(page).contains("id=\"schema-Problem\"").contains("(public)");
  }
}
