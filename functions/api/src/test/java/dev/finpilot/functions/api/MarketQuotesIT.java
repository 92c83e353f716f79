package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoMarketDataCache;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.domain.Money;
import dev.finpilot.functions.authorizer.AuthorizerHandler;
import dev.finpilot.market.Quote;
import dev.finpilot.messaging.Json;
import dev.finpilot.retrieval.QuoteCache;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.http.HttpApiAuthorizer;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Quotes written to the stack's market-data table the way the retrieval agent writes them, read
 * back through the authorizer and the API function as API Gateway runs them.
 */
@WithAwsBackend
class MarketQuotesIT {
  private final Environment env;
  private final ApiHandler api;
  private final HttpApiAuthorizer gateway;
  private final QuoteCache quotes;
  private final String bearer;

  MarketQuotesIT(Environment env) {
    this.env = env;
    FunctionEnvironment apiEnv = new FunctionEnvironment(env.functionEnv("ApiFunction"));
    this.api = new ApiHandler(apiEnv);
    this.gateway =
        new HttpApiAuthorizer(
            new AuthorizerHandler(new FunctionEnvironment(env.functionEnv("AuthorizerFunction"))),
            List.of("Authorization"),
            Duration.ZERO,
            Clock.systemUTC());
    this.quotes =
        new QuoteCache(new DynamoMarketDataCache(env.dynamoDb(), env.tableName("MarketDataTable")));
    // A user of this test only, registered as a client would (the authorizer refuses a token
    // whose account or session does not exist).
    APIGatewayV2HTTPResponse registered =
        api.handleRequest(
            HttpApiEvents.post("/v1/auth/register")
                .jsonBody(
                    "{\"email\":\"quotes-it-"
                        + UUID.randomUUID()
                        + "@example.com\",\"password\":\"a long enough password\","
                        + "\"displayName\":\"IT\"}")
                .build(),
            null);
    this.bearer = "Bearer " + Json.readTree(registered.getBody()).path("accessToken").asText();
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

  /** A symbol no other test run writes, so runs sharing an emulator do not see each other's. */
  private static String uniqueSymbol(String prefix) {
    return prefix
        + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
  }

  private static Quote quote(String symbol, String price, Instant fetchedAt) {
    return new Quote(
        symbol,
        new BigDecimal(price),
        Money.USD,
        fetchedAt.minus(Duration.ofMinutes(15)),
        "alpha-vantage",
        fetchedAt);
  }

  @Test
  void aFreshQuoteIsAnsweredAndAnExpiredOrMissingOneIsReportedUnavailable() {
    String fresh = uniqueSymbol("F");
    String expired = uniqueSymbol("E");
    String missing = uniqueSymbol("M");
    Instant now = Instant.now();
    quotes.put(quote(fresh, "189.8425", now));
    quotes.put(
        quote(
            expired, "512.10", now.minus(QuoteCache.QUOTE_LIFETIME).minus(Duration.ofMinutes(1))));

    APIGatewayV2HTTPResponse response =
        guarded(
            HttpApiEvents.get(
                    "/v1/market/quotes?symbols="
                        + String.join(",", fresh.toLowerCase(Locale.ROOT), expired, missing))
                .header("Authorization", bearer));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    JsonNode body = Json.readTree(response.getBody());
    assertThat(body.path("quotes")).hasSize(1);
    JsonNode quote = body.path("quotes").get(0);
    assertThat(quote.path("symbol").asText()).isEqualTo(fresh);
    assertThat(quote.path("price").decimalValue()).isEqualByComparingTo("189.8425");
    assertThat(quote.path("source").asText()).isEqualTo("alpha-vantage");
    assertThat(body.path("unavailable").findValuesAsText("symbol"))
        .containsExactly(expired, missing);
    assertThat(body.path("unavailable").findValuesAsText("reason"))
        .containsOnly(MarketController.NOT_CACHED);
  }

  @Test
  void theGatewayRefusesACallerWithoutAToken() {
    String symbol = uniqueSymbol("A");
    quotes.put(quote(symbol, "10.00", Instant.now()));

    APIGatewayV2HTTPResponse response =
        guarded(HttpApiEvents.get("/v1/market/quotes?symbols=" + symbol));

    assertThat(response.getStatusCode()).isEqualTo(401);
    assertThat(response.getBody()).doesNotContain(symbol);
  }
}
