package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SecretsManagerSigningKeys;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Asset;
import dev.finpilot.execution.BuyStep;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.functions.authorizer.AuthorizerHandler;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiAuthorizer;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The market routes and the portfolio through the authorizer and the API function as API Gateway
 * runs them, on the stack's tables, with no live market-data source configured ({@code
 * MARKET_DATA_SOURCES} empty, as the local runtime starts): every answer says so instead of
 * inventing a price.
 */
@WithAwsBackend
class MarketQuotesIT {
  /** What the offline market data names as the reason, whatever else it says. */
  private static final String OFFLINE = "MARKET_DATA_SOURCES";

  private final Environment env;
  private final FunctionEnvironment apiEnv;
  private final ApiHandler api;
  private final HttpApiAuthorizer gateway;
  private final String userId = "quotes-it-" + UUID.randomUUID();
  private final String bearer;

  MarketQuotesIT(Environment env) {
    this.env = env;
    Map<String, String> variables = new HashMap<>(env.functionEnv("ApiFunction"));
    variables.put("MARKET_DATA_SOURCES", "");
    this.apiEnv = new FunctionEnvironment(variables);
    this.api = new ApiHandler(apiEnv);
    this.gateway =
        new HttpApiAuthorizer(
            new AuthorizerHandler(new FunctionEnvironment(env.functionEnv("AuthorizerFunction"))),
            List.of("Authorization"),
            Duration.ZERO,
            Clock.systemUTC());
    // A token as login issues it, signed with the stack's key, for a user of this test only.
    this.bearer =
        "Bearer "
            + new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(apiEnv), Clock.systemUTC())
                .issue(userId)
                .token();
  }

  @AfterEach
  void close() {
    api.getApplicationContext().close();
  }

  private APIGatewayV2HTTPResponse guarded(HttpApiEvents.Builder request) {
    HttpApiAuthorizer.Decision decision = gateway.authorize(request.build(), null);
    if (decision instanceof HttpApiAuthorizer.Decision.Refused refused) {
      return refused.response();
    }
    return api.handleRequest(((HttpApiAuthorizer.Decision.Allowed) decision).event(), null);
  }

  private APIGatewayV2HTTPResponse get(String path) {
    return guarded(HttpApiEvents.get(path).header("Authorization", bearer));
  }

  /** A symbol no other test run asks for, so runs sharing an emulator do not see each other's. */
  private static String uniqueSymbol(String prefix) {
    return prefix
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
  }

  @Test
  void offlineEverySymbolIsUnavailableWithTheReason() {
    String first = uniqueSymbol("F");
    String second = uniqueSymbol("S");

    APIGatewayV2HTTPResponse response =
        get("/v1/market/quotes?symbols=" + first.toLowerCase(Locale.ROOT) + "," + second);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    JsonNode body = Json.readTree(response.getBody());
    assertThat(body.path("quotes")).isEmpty();
    assertThat(body.path("unavailable").findValuesAsText("symbol")).containsExactly(first, second);
    assertThat(body.path("unavailable").findValuesAsText("unknownSymbol")).containsOnly("false");
    for (String reason : body.path("unavailable").findValuesAsText("reason")) {
      assertThat(reason).contains(OFFLINE).doesNotContain("not configured yet");
    }
  }

  @Test
  void offlineDailyClosesAreAProblemWithTheReason() {
    APIGatewayV2HTTPResponse response = get("/v1/market/series/" + uniqueSymbol("C") + "?days=5");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
    JsonNode problem = Json.readTree(response.getBody());
    assertThat(problem.path("type").asText()).isEqualTo("/problems/market-data-unavailable");
    assertThat(problem.path("detail").asText()).contains(OFFLINE);
  }

  @Test
  void offlineThePortfolioIsValuedAtTheLedgersLastTradesAndSaysWhy() {
    String table = env.functionEnv("ApiFunction").get("LEDGER_TABLE");
    new Ledger(
            new DynamoLedgerStore(env.dynamoDb(), table),
            (account, year) -> Optional.empty(),
            Clock.systemUTC())
        .apply(
            ExecutionRequest.forPlan(
                userId,
                "plan-1",
                1,
                "exec-1",
                List.of(
                    new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
                    new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(1_000)),
                    new BuyStep(
                        AccountType.TAXABLE_BROKERAGE,
                        Asset.security("VTI", AssetClass.US_LARGE_CAP),
                        new BigDecimal("3"),
                        Money.usd("250.10")))))
        .orThrow();

    APIGatewayV2HTTPResponse response = get("/v1/portfolio");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    JsonNode portfolio = Json.readTree(response.getBody());
    JsonNode vti = portfolio.path("prices").path("VTI");
    assertThat(vti.path("priceBasis").asText()).isEqualTo("LAST_TRADE");
    assertThat(vti.path("price").decimalValue()).isEqualByComparingTo("250.10");
    assertThat(vti.path("quoteUnavailable").asText()).contains(OFFLINE);
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("1000");
  }

  @Test
  void theGatewayRefusesACallerWithoutAToken() {
    String symbol = uniqueSymbol("A");

    APIGatewayV2HTTPResponse response =
        guarded(HttpApiEvents.get("/v1/market/quotes?symbols=" + symbol));

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getBody()).doesNotContain(symbol);
  }
}
