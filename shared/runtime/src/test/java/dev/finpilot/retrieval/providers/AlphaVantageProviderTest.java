package dev.finpilot.retrieval.providers;

import static dev.finpilot.retrieval.providers.ProviderAssertions.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.ProviderException.Kind;
import dev.finpilot.retrieval.providers.ProviderStubServer.Answer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Alpha Vantage's real answers, read or classified, against a local stub. */
class AlphaVantageProviderTest {

  private static final HttpClient CLIENT = LiveProviders.httpClient();
  private static final Instant NOW = Instant.parse("2026-01-03T15:00:00Z");
  private static final String KEY = ProviderAssertions.KEYS.get(0);

  private final ProviderStubServer stub = ProviderStubServer.start();
  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryRequestBudget budget = new InMemoryRequestBudget();
  private final AlphaVantageProvider provider = provider(Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    stub.close();
  }

  private AlphaVantageProvider provider(Duration timeout) {
    return new AlphaVantageProvider(
        new ProviderConfig(stub.baseUrl(), timeout, 25),
        new ApiKeys(List.of(ApiKey.of(KEY))),
        budget,
        CLIENT,
        clock);
  }

  @Test
  void aGlobalQuoteIsReadExactlyAndSaysWhereAndWhenItComesFrom() {
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture("alpha-vantage/global-quote.json"));

    Quote quote = provider.quote("SPY");

    assertThat(quote.price()).isEqualTo(new BigDecimal("603.5000"));
    assertThat(quote.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(quote.asOf()).isEqualTo(Instant.parse("2026-01-02T21:00:00Z"));
    assertThat(quote.source()).isEqualTo("alpha-vantage");
    assertThat(quote.fetchedAt()).isEqualTo(NOW);
    assertThat(quote.provenance()).isEqualTo(Provenance.LIVE);
    ProviderStubServer.Request request = stub.requests().get(0);
    assertThat(request.query())
        .containsEntry("function", "GLOBAL_QUOTE")
        .containsEntry("symbol", "SPY")
        .containsEntry("apikey", KEY);
    assertThat(request.userAgent()).isEqualTo(ProviderHttp.USER_AGENT);
  }

  @Test
  void aQuoteOfTheRunningDayIsAsOfNoLaterThanItWasFetched() {
    LocalDate today = LocalDate.of(2026, 1, 3);
    stub.alphaVantage(
        "GLOBAL_QUOTE",
        "SPY",
        Answer.ok(ProviderFixtures.alphaVantageQuote("SPY", new BigDecimal("600.10"), today)));

    assertThat(provider.quote("SPY").asOf()).isEqualTo(NOW);
  }

  @Test
  void theCompactDailySeriesIsOrderedOldestFirst() {
    stub.alphaVantage(
        "TIME_SERIES_DAILY", "SPY", Answer.fixture("alpha-vantage/time-series-daily-compact.json"));

    Series closes = provider.dailyCloses("SPY");

    assertThat(closes.points()).hasSize(100);
    assertThat(closes.name()).isEqualTo("SPY");
    assertThat(closes.unit()).isEqualTo(Series.Unit.PRICE);
    assertThat(closes.latest().date()).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(closes.points().get(0).date()).isBefore(closes.latest().date());
    assertThat(closes.source()).isEqualTo("alpha-vantage");
    assertThat(closes.provenance()).isEqualTo(Provenance.LIVE);
    assertThat(stub.requests().get(0).query()).containsEntry("outputsize", "compact");
  }

  @Test
  void seriesBuiltFromChosenClosesReadBackAsTheyWere() {
    List<Observation> values =
        List.of(Observation.of("2026-01-01", "100.10"), Observation.of("2026-01-02", "63.06"));
    stub.alphaVantage(
        "TIME_SERIES_DAILY", "SPY", Answer.ok(ProviderFixtures.alphaVantageDaily("SPY", values)));

    assertThat(provider.dailyCloses("SPY").points()).isEqualTo(values);
  }

  @ParameterizedTest
  @CsvSource({"DGS10, 10year, 4.18", "DGS3MO, 3month, 3.62"})
  void treasuryYieldsSkipTheDaysWithoutARelease(Rate rate, String maturity, String latest) {
    stub.alphaVantage(
        "TREASURY_YIELD",
        maturity,
        Answer.fixture("alpha-vantage/treasury-yield-" + maturity + ".json"));

    Series yields = provider.treasuryYield(rate);

    assertThat(yields.name()).isEqualTo(rate.name());
    assertThat(yields.unit()).isEqualTo(Series.Unit.PERCENT);
    assertThat(yields.points()).hasSize(37);
    assertThat(yields.points())
        .extracting(Observation::date)
        .doesNotContain(LocalDate.of(2026, 1, 1), LocalDate.of(2025, 12, 25));
    assertThat(yields.latest()).isEqualTo(Observation.of("2026-01-02", latest));
    assertThat(stub.requests().get(0).query()).containsEntry("interval", "daily");
  }

  @Test
  void theConsumerPriceIndexIsMonthly() {
    stub.alphaVantage("CPI", "", Answer.fixture("alpha-vantage/cpi-monthly.json"));

    Series cpi = provider.consumerPrices();

    assertThat(cpi.name()).isEqualTo("CPI");
    assertThat(cpi.unit()).isEqualTo(Series.Unit.INDEX);
    assertThat(cpi.points()).hasSize(24);
    assertThat(cpi.latest()).isEqualTo(Observation.of("2025-11-01", "324.100"));
    assertThat(stub.requests().get(0).query()).containsEntry("interval", "monthly");
  }

  @Test
  void anEmptyGlobalQuoteIsAnUnknownSymbol() {
    stub.alphaVantage(
        "GLOBAL_QUOTE", "NOPE", Answer.fixture("alpha-vantage/global-quote-unknown-symbol.json"));

    assertKind(() -> provider.quote("NOPE"), Kind.NOT_FOUND);
  }

  @Test
  void anErrorMessageForASymbolIsAnUnknownSymbolButForAnIndicatorARefusedCall() {
    stub.alphaVantage(
        "TIME_SERIES_DAILY", "NOPE", Answer.fixture("alpha-vantage/error-message.json"));
    stub.alphaVantage("CPI", "", Answer.fixture("alpha-vantage/error-message.json"));

    assertKind(() -> provider.dailyCloses("NOPE"), Kind.NOT_FOUND);
    assertKind(provider::consumerPrices, Kind.UNSUPPORTED);
  }

  @ParameterizedTest
  @CsvSource({
    "note-rate-limit.json, RATE_LIMITED",
    "information-burst.json, RATE_LIMITED",
    "information-premium-endpoint.json, PREMIUM_ONLY",
    "information-demo-key.json, UNAUTHORIZED",
    "error-message-invalid-key.json, UNAUTHORIZED",
    "malformed-truncated.json, MALFORMED"
  })
  void everyLimitAndErrorBodyIsClassifiedByItsKind(String fixture, Kind kind) {
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture("alpha-vantage/" + fixture));

    assertKind(() -> provider.quote("SPY"), kind);
    assertThat(stub.alphaVantageCalls("GLOBAL_QUOTE", "SPY")).isEqualTo(1);
  }

  @Test
  void theDailyLimitBodyIsADailyLimitAndNeverRepeatsTheKeyItQuotes() {
    stub.alphaVantage(
        "GLOBAL_QUOTE", "SPY", Answer.fixture("alpha-vantage/information-daily-limit.json"));

    assertKind(() -> provider.quote("SPY"), Kind.DAILY_LIMIT);
  }

  @Test
  void answersWithMissingOrUnreadableFieldsAreMalformed() {
    stub.alphaVantage(
        "GLOBAL_QUOTE", "SPY", Answer.ok("{\"Global Quote\": {\"01. symbol\": \"SPY\"}}"));
    stub.alphaVantage(
        "GLOBAL_QUOTE", "QQQ", Answer.ok("{\"Global Quote\": {\"05. price\": \"n/a\"}}"));
    stub.alphaVantage("TIME_SERIES_DAILY", "SPY", Answer.ok("{\"Meta Data\": {}}"));
    stub.alphaVantage(
        "CPI", "", Answer.ok("{\"data\": [{\"date\": \"2025-11-01\", \"value\": \".\"}]}"));
    stub.alphaVantage("TREASURY_YIELD", "10year", Answer.ok("[1, 2]"));

    assertKind(() -> provider.quote("SPY"), Kind.MALFORMED);
    assertKind(() -> provider.quote("QQQ"), Kind.MALFORMED);
    assertKind(() -> provider.dailyCloses("SPY"), Kind.MALFORMED);
    assertKind(provider::consumerPrices, Kind.MALFORMED);
    assertKind(() -> provider.treasuryYield(Rate.DGS10), Kind.MALFORMED);
  }

  @Test
  void aZeroPriceIsMalformedRatherThanAQuote() {
    stub.alphaVantage(
        "GLOBAL_QUOTE",
        "SPY",
        Answer.ok(
            ProviderFixtures.alphaVantageQuote(
                "SPY", new BigDecimal("0.0000"), LocalDate.of(2026, 1, 2))));

    assertKind(() -> provider.quote("SPY"), Kind.MALFORMED);
  }

  @Test
  void serverErrorsAndThrottlesByStatusAreClassified() {
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.status(503));
    stub.alphaVantage("GLOBAL_QUOTE", "QQQ", Answer.status(429));
    stub.alphaVantage("GLOBAL_QUOTE", "VTI", Answer.status(403));

    assertKind(() -> provider.quote("SPY"), Kind.UNAVAILABLE);
    assertKind(() -> provider.quote("QQQ"), Kind.RATE_LIMITED);
    assertKind(() -> provider.quote("VTI"), Kind.UNAUTHORIZED);
  }

  @Test
  void noAnswerInTimeIsUnavailable() {
    AlphaVantageProvider impatient = provider(Duration.ofMillis(200));
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.timeout());

    assertKind(() -> impatient.quote("SPY"), Kind.UNAVAILABLE);
  }

  @Test
  void aProviderThatCannotBeReachedIsUnavailable() {
    stub.close();

    assertKind(() -> provider.quote("SPY"), Kind.UNAVAILABLE);
  }

  @Test
  void theConfigurationIsReadFromTheEnvironmentWithDefaults() {
    assertThat(ProviderConfig.alphaVantage(Map.of()))
        .isEqualTo(
            new ProviderConfig(
                URI.create("https://www.alphavantage.co"), Duration.ofSeconds(5), 25));
    assertThat(
            ProviderConfig.alphaVantage(
                Map.of(
                    "ALPHA_VANTAGE_URL", "http://127.0.0.1:9999/",
                    "ALPHA_VANTAGE_TIMEOUT_MS", "750",
                    "ALPHA_VANTAGE_DAILY_LIMIT", "75")))
        .isEqualTo(
            new ProviderConfig(URI.create("http://127.0.0.1:9999"), Duration.ofMillis(750), 75));
    assertThatThrownBy(() -> ProviderConfig.alphaVantage(Map.of("ALPHA_VANTAGE_DAILY_LIMIT", "0")))
        .hasMessageContaining("ALPHA_VANTAGE_DAILY_LIMIT");
  }
}
