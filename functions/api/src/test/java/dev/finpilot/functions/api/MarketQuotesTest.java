package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.Money;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Symbols;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v1/market/quotes}: quotes read through the market data, saying how each was served,
 * and an honest answer for every symbol without one.
 */
class MarketQuotesTest extends HandlerHarness {
  static final String PATH = "/v1/market/quotes?symbols=";

  /** A live quote fetched {@code age} before the test's now. */
  static Quote quote(String symbol, String price, Duration age) {
    Instant fetched = NOW.minus(age);
    return new Quote(
        symbol,
        new BigDecimal(price),
        Money.USD,
        fetched.minus(Duration.ofMinutes(15)),
        FakeMarketData.SOURCE,
        fetched);
  }

  APIGatewayV2HTTPResponse ask(String symbols) {
    return get(USER, PATH + symbols);
  }

  @Test
  void quotesAreAnsweredExactlyInTheOrderAskedWithHowEachWasServed() {
    marketData.answer(
        quote("AAPL", "189.8425", Duration.ofMinutes(1)).withProvenance(Provenance.CACHED));
    marketData.answer(quote("SPY", "512.10", Duration.ZERO));
    marketData.answer(quote("VTI", "250.01", Duration.ofHours(3)).withProvenance(Provenance.STALE));

    APIGatewayV2HTTPResponse response = ask("SPY,AAPL,VTI");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
    JsonNode body = body(response);
    assertThat(body.path("quotes").findValuesAsText("symbol"))
        .containsExactly("SPY", "AAPL", "VTI");
    assertThat(body.path("quotes").findValuesAsText("provenance"))
        .containsExactly("LIVE", "CACHED", "STALE");
    JsonNode aapl = body.path("quotes").get(1);
    assertThat(aapl.path("price").decimalValue()).isEqualByComparingTo("189.8425");
    assertThat(response.getBody()).contains("\"price\":189.8425");
    assertThat(aapl.path("currency").asText()).isEqualTo("USD");
    assertThat(aapl.path("source").asText()).isEqualTo("alpha-vantage");
    assertThat(aapl.path("fetchedAt").asText()).isEqualTo("2026-03-02T14:04:07Z");
    assertThat(aapl.path("asOf").asText()).isEqualTo("2026-03-02T13:49:07Z");
    assertThat(body.path("unavailable")).isEmpty();
  }

  @Test
  void aSymbolNoSourceCanAnswerForIsListedWithTheReasonInWords() {
    marketData.answer(quote("AAPL", "189.84", Duration.ofMinutes(1)));

    JsonNode body = body(ask("AAPL,MSFT"));

    assertThat(body.path("quotes").findValuesAsText("symbol")).containsExactly("AAPL");
    assertThat(body.path("unavailable")).hasSize(1);
    JsonNode msft = body.path("unavailable").get(0);
    assertThat(msft.path("symbol").asText()).isEqualTo("MSFT");
    assertThat(msft.path("reason").asText())
        .isEqualTo("no source could provide a quote for MSFT: " + FakeMarketData.ATTEMPT);
    assertThat(msft.path("unknownSymbol").asBoolean()).isFalse();
  }

  @Test
  void noQuoteAtAllIsStillAnAnswerNotAnError() {
    APIGatewayV2HTTPResponse response = ask("AAPL,^GSPC");

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.path("quotes")).isEmpty();
    assertThat(body.path("unavailable").findValuesAsText("symbol"))
        .containsExactly("AAPL", "^GSPC");
    // The symbols are looked up in parallel: each once, in no set order.
    assertThat(marketData.asked).containsExactlyInAnyOrder("AAPL", "^GSPC");
  }

  @Test
  void anUnknownSymbolNextToOthersIsListedAsUnknown() {
    marketData.answer(quote("AAPL", "189.84", Duration.ZERO));
    marketData.unknown("XYZQ");

    JsonNode body = body(ask("XYZQ,AAPL,MSFT"));

    assertThat(body.path("quotes").findValuesAsText("symbol")).containsExactly("AAPL");
    assertThat(body.path("unavailable").findValuesAsText("symbol")).containsExactly("XYZQ", "MSFT");
    JsonNode xyzq = body.path("unavailable").get(0);
    assertThat(xyzq.path("unknownSymbol").asBoolean()).isTrue();
    assertThat(xyzq.path("reason").asText())
        .isEqualTo("unknown symbol: alpha-vantage knows no symbol XYZQ");
  }

  @Test
  void anUnknownSymbolBesideOnlyUnavailableOnesIsStillA200() {
    marketData.unknown("XYZQ");

    APIGatewayV2HTTPResponse response = ask("XYZQ,MSFT");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(body(response).path("unavailable").findValuesAsText("unknownSymbol"))
        .containsExactly("true", "false");
  }

  @Test
  void whenEverySymbolAskedForIsUnknownTheAnswerIsAProblemNamingEach() {
    marketData.unknown("XYZQ");
    marketData.unknown("QQQZ");

    JsonNode problem = problem(ask("xyzq,QQQZ"), 404, "unknown-symbol");

    assertThat(problem.path("detail").asText()).isEqualTo("symbols: no provider knows XYZQ, QQQZ");
    assertThat(problem.path("errors").findValuesAsText("field")).containsOnly("symbols");
    assertThat(problem.path("errors").findValuesAsText("message"))
        .containsExactly(
            "unknown symbol: alpha-vantage knows no symbol XYZQ",
            "unknown symbol: alpha-vantage knows no symbol QQQZ");
  }

  @Test
  void symbolsAreReadAsTypedUpperCasedAndOnce() {
    marketData.answer(quote("BRK.B", "412.00", Duration.ZERO));

    JsonNode body = body(ask("brk.b,%20BRK.B%20,msft"));

    assertThat(body.path("quotes").findValuesAsText("symbol")).containsExactly("BRK.B");
    assertThat(body.path("unavailable").findValuesAsText("symbol")).containsExactly("MSFT");
    // The symbols are looked up in parallel: each once, in no set order.
    assertThat(marketData.asked).containsExactlyInAnyOrder("BRK.B", "MSFT");
  }

  @Test
  void aRepeatedParameterIsOneList() {
    JsonNode body = body(get(USER, "/v1/market/quotes?symbols=AAPL&symbols=SPY"));

    assertThat(body.path("unavailable").findValuesAsText("symbol")).containsExactly("AAPL", "SPY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v1/market/quotes", "/v1/market/quotes?symbols="})
  void symbolsAreRequired(String path) {
    JsonNode problem = problem(get(USER, path), 400, "invalid-request");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("symbols");
    assertThat(problem.path("detail").asText()).startsWith("symbols: is required");
  }

  @Test
  void atMostTwentySymbolsAreRead() {
    String many = String.join(",", Collections.nCopies(MarketController.MAX_SYMBOLS + 1, "AAPL"));

    assertThat(ask(String.join(",", Collections.nCopies(MarketController.MAX_SYMBOLS, "AAPL"))))
        .extracting(APIGatewayV2HTTPResponse::getStatusCode)
        .isEqualTo(200);
    marketData.asked.clear();
    JsonNode problem = problem(ask(many), 400, "invalid-request");
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("symbols");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("must list at most 20 symbols, was 21");
    assertThat(marketData.asked).isEmpty();
  }

  @Test
  void everySymbolThatIsNotOneIsNamedByItsPosition() {
    JsonNode problem =
        problem(ask("AAPL,AA%20PL,,SPY,ABCDEFGHIJKLMNOP,%3Cscript%3E"), 400, "invalid-request");

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactly("symbols[1]", "symbols[2]", "symbols[4]", "symbols[5]");
    assertThat(problem.path("errors").findValuesAsText("message")).containsOnly(Symbols.RULE);
    assertThat(problem.toString()).doesNotContain("script");
    assertThat(marketData.asked).isEmpty();
  }

  @Test
  void theCallerMustBeAuthenticated() {
    marketData.answer(quote("AAPL", "189.84", Duration.ZERO));

    JsonNode problem = problem(call(HttpApiEvents.get(PATH + "AAPL")), 401, "unauthenticated");

    assertThat(problem.toString()).doesNotContain("189.84");
    assertThat(marketData.asked).isEmpty();
  }

  @Test
  void quotesCountAgainstTheCallersReadLimit() {
    for (int i = 0; i < RateLimitPolicy.READ.capacity(); i++) {
      assertThat(ask("AAPL").getStatusCode()).isEqualTo(200);
    }

    problem(get(USER, "/v1/plans"), 429, "too-many-requests");
    assertThat(get("someone-else", PATH + "AAPL").getStatusCode()).isEqualTo(200);
  }
}
