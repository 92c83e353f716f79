package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Series;
import dev.finpilot.market.Symbols;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /v1/market/series/{symbol}}: a symbol's daily closes, saying how they were served. */
class MarketSeriesTest extends HandlerHarness {
  static final String PATH = "/v1/market/series/";

  /**
   * Closes of {@code symbol} on the {@code count} weekdays up to the Friday before the test, from
   * 501.125 rising by one a day.
   */
  static Series closes(String symbol, int count, Provenance provenance) {
    List<Observation> points = new ArrayList<>();
    for (LocalDate day = LocalDate.of(2026, 2, 27); points.size() < count; day = day.minusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        BigDecimal close = new BigDecimal("500.125").add(BigDecimal.valueOf(count - points.size()));
        points.add(0, new Observation(day, close));
      }
    }
    return new Series(
        symbol, Series.Unit.PRICE, points, "yahoo-finance", NOW.minusSeconds(3600), provenance);
  }

  APIGatewayV2HTTPResponse ask(String path) {
    return get(USER, PATH + path);
  }

  @Test
  void theClosesAreAnsweredOldestFirstAndExactlyWithHowTheyWereServed() {
    marketData.answer(closes("SPY", 100, Provenance.CACHED));

    APIGatewayV2HTTPResponse response = ask("SPY");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    JsonNode body = body(response);
    assertThat(body.path("symbol").asText()).isEqualTo("SPY");
    assertThat(body.path("source").asText()).isEqualTo("yahoo-finance");
    assertThat(body.path("provenance").asText()).isEqualTo("CACHED");
    assertThat(body.path("fetchedAt").asText()).isEqualTo("2026-03-02T13:05:07Z");
    assertThat(body.path("asOf").asText()).isEqualTo("2026-02-27");
    JsonNode closes = body.path("closes");
    assertThat(closes).hasSize(100);
    assertThat(closes.get(0).path("value").decimalValue()).isEqualByComparingTo("501.125");
    assertThat(closes.get(99).path("date").asText()).isEqualTo("2026-02-27");
    assertThat(response.getBody()).contains("\"value\":600.125");
  }

  @Test
  void theSampleEventIsAnswered() {
    marketData.answer(closes("SPY", 100, Provenance.LIVE));

    APIGatewayV2HTTPResponse response = call(ApiEvents.load("get-market-series.json"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(body(response).path("closes")).hasSize(5);
  }

  @Test
  void daysBoundsTheAnswerToTheLatestCloses() {
    marketData.answer(closes("SPY", 100, Provenance.LIVE));

    JsonNode five = body(ask("SPY?days=5")).path("closes");
    assertThat(five.findValuesAsText("date"))
        .containsExactly("2026-02-23", "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27");
    assertThat(body(ask("SPY?days=" + MarketController.MAX_DAYS)).path("closes")).hasSize(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "367", "-1", "ten", "5.5"})
  void daysOutsideItsRangeIsNamed(String days) {
    JsonNode problem = problem(ask("SPY?days=" + days), 400, "invalid-request");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("days");
    assertThat(marketData.asked).isEmpty();
  }

  @Test
  void aSymbolIsReadAsTypedAndAnIndexMayBeAsked() {
    marketData.answer(closes("^GSPC", 3, Provenance.STALE));
    marketData.answer(closes("BRK.B", 3, Provenance.LIVE));

    assertThat(body(ask("%5Egspc")).path("provenance").asText()).isEqualTo("STALE");
    assertThat(body(ask("brk.b")).path("symbol").asText()).isEqualTo("BRK.B");
    assertThat(marketData.asked).containsExactly("^GSPC", "BRK.B");
  }

  @Test
  void anUnknownSymbolIsAProblemNamingIt() {
    marketData.unknown("XYZQ");

    JsonNode problem = problem(ask("XYZQ"), 404, "unknown-symbol");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("symbol");
    assertThat(problem.path("detail").asText())
        .isEqualTo("symbol: unknown symbol: alpha-vantage knows no symbol XYZQ");
  }

  @Test
  void closesNoSourceCanProvideAreAProblemWithTheReason() {
    JsonNode problem = problem(ask("MSFT"), 503, "market-data-unavailable");

    assertThat(problem.path("detail").asText())
        .isEqualTo("no source could provide daily closes of MSFT: " + FakeMarketData.ATTEMPT);
  }

  @Test
  void aSymbolThatIsNotOneIsNamedButNotEchoed() {
    JsonNode problem = problem(ask("%3Cscript%3E"), 400, "invalid-request");

    assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("symbol");
    assertThat(problem.path("errors").findValuesAsText("message")).containsExactly(Symbols.RULE);
    // The instance is the path as requested, still percent-encoded.
    assertThat(problem.path("instance").asText()).isEqualTo("/v1/market/series/%3Cscript%3E");
    assertThat(problem.path("detail").toString() + problem.path("errors")).doesNotContain("script");
    assertThat(problem.toString()).doesNotContain("<script");
    problem(ask("ABCDEFGHIJKLMNOP"), 400, "invalid-request");
    assertThat(marketData.asked).isEmpty();
  }

  @Test
  void theCallerMustBeAuthenticatedAndSpendsAReadPerRequest() {
    marketData.answer(closes("SPY", 3, Provenance.LIVE));
    problem(call(HttpApiEvents.get(PATH + "SPY")), 401, "unauthenticated");
    assertThat(marketData.asked).isEmpty();

    for (int i = 0; i < RateLimitPolicy.READ.capacity(); i++) {
      assertThat(ask("SPY").getStatusCode()).isEqualTo(200);
    }
    problem(ask("SPY"), 429, "too-many-requests");
    assertThat(get("someone-else", PATH + "SPY").getStatusCode()).isEqualTo(200);
  }
}
