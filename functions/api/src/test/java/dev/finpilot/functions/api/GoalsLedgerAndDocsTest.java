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
import dev.finpilot.execution.LedgerStep;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.execution.SellStep;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
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
    execute(
        List.of(
            new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
            new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(10_000)),
            new BuyStep(
                AccountType.TAXABLE_BROKERAGE, vti, new BigDecimal("10"), Money.usd("250.00"))));

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

  /** Commits {@code a/0..a/2} (open, two deposits), then {@code b/0, b/1}, for {@code userId}. */
  private void fiveTransactions(String userId) {
    Ledger books = new Ledger(ledger, (account, year) -> Optional.empty(), clock);
    books
        .apply(
            ExecutionRequest.forPlan(
                userId,
                "plan-1",
                1,
                "a",
                List.of(
                    new OpenAccountStep(AccountType.CASH),
                    new DepositStep(AccountType.CASH, Money.usd(1)),
                    new DepositStep(AccountType.CASH, Money.usd(2)))))
        .orThrow();
    books
        .apply(
            ExecutionRequest.forPlan(
                userId,
                "plan-1",
                2,
                "b",
                List.of(
                    new DepositStep(AccountType.CASH, Money.usd(3)),
                    new DepositStep(AccountType.CASH, Money.usd(4)))))
        .orThrow();
  }

  @Test
  void theLedgerPagesThroughEveryTransactionOnceNewestFirst() {
    fiveTransactions(USER);
    fiveTransactions("someone-else");

    List<List<String>> pages = new ArrayList<>();
    JsonNode page = body(get(USER, "/v1/ledger?limit=2"));
    pages.add(page.path("transactions").findValuesAsText("id"));
    while (page.has("nextCursor")) {
      page = body(get(USER, "/v1/ledger?limit=2&cursor=" + page.path("nextCursor").asText()));
      pages.add(page.path("transactions").findValuesAsText("id"));
    }

    assertThat(pages).containsExactly(List.of("b/1", "b/0"), List.of("a/2", "a/1"), List.of("a/0"));
    assertThat(page.path("version").asLong()).isEqualTo(2);
    JsonNode whole = body(get(USER, "/v1/ledger?limit=5"));
    assertThat(whole.path("transactions")).hasSize(5);
    assertThat(whole.has("nextCursor")).isFalse();
  }

  @Test
  void aLedgerCursorThatIsNotTheCallersIsABadRequestNamingTheCursor() {
    fiveTransactions(USER);
    fiveTransactions("someone-else");
    String mine = body(get(USER, "/v1/ledger?limit=1")).path("nextCursor").asText();

    JsonNode borrowed =
        problem(get("someone-else", "/v1/ledger?cursor=" + mine), 400, "invalid-request");
    assertThat(borrowed.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    problem(get(USER, "/v1/ledger?cursor=not-a-cursor"), 400, "invalid-request");
    for (String forged : List.of("garbage", "0", "6", "-1", "99999999999")) {
      JsonNode problem =
          problem(
              get(USER, "/v1/ledger?cursor=" + Cursors.seal(USER, forged)), 400, "invalid-request");
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void thePortfolioPricesOnlyWhatIsStillHeld() {
    Asset vti = Asset.security("VTI", AssetClass.US_LARGE_CAP);
    Asset bnd = Asset.security("BND", AssetClass.TREASURY_BOND);
    execute(
        List.of(
            new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
            new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(10_000)),
            new BuyStep(
                AccountType.TAXABLE_BROKERAGE, vti, new BigDecimal("10"), Money.usd("250.00")),
            new BuyStep(
                AccountType.TAXABLE_BROKERAGE, bnd, new BigDecimal("5"), Money.usd("80.00")),
            new SellStep(
                AccountType.TAXABLE_BROKERAGE, "VTI", new BigDecimal("4"), Money.usd("260.00")),
            new SellStep(
                AccountType.TAXABLE_BROKERAGE, "BND", new BigDecimal("5"), Money.usd("82.00"))));

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    assertThat(portfolio.path("lastTradePrices")).hasSize(1);
    assertThat(portfolio.path("lastTradePrices").path("VTI").path("amount").decimalValue())
        .isEqualByComparingTo("260");
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10110");
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

  /** Executes the steps for the caller as the execution agent would; all must be applied. */
  private void execute(List<LedgerStep> steps) {
    new Ledger(ledger, (account, year) -> Optional.empty(), clock)
        .apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "exec-1", steps))
        .orThrow();
  }
}
