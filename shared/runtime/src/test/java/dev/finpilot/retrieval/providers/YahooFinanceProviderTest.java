package dev.finpilot.retrieval.providers;

import static dev.finpilot.retrieval.providers.ProviderAssertions.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Yahoo's chart answers, read or classified, against a local stub. */
class YahooFinanceProviderTest {

  private static final HttpClient CLIENT = LiveProviders.httpClient();
  private static final Instant NOW = Instant.parse("2026-01-03T15:00:00Z");

  private final ProviderStubServer stub = ProviderStubServer.start();
  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryRequestBudget budget = new InMemoryRequestBudget();
  private final YahooFinanceProvider provider = provider(Duration.ofSeconds(5), 60);

  @AfterEach
  void stop() {
    stub.close();
  }

  private YahooFinanceProvider provider(Duration timeout, int perMinute) {
    return new YahooFinanceProvider(
        new ProviderConfig(stub.baseUrl(), timeout, perMinute), budget, CLIENT, clock);
  }

  @Test
  void aQuoteIsTheChartsRegularMarketPriceAtItsTime() {
    stub.yahoo("SPY", Answer.fixture("yahoo-finance/chart-spy-5d.json"));

    Quote quote = provider.quote("SPY");

    assertThat(quote.price()).isEqualByComparingTo("603.5");
    assertThat(quote.currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(quote.asOf()).isEqualTo(Instant.parse("2026-01-02T21:00:00Z"));
    assertThat(quote.source()).isEqualTo("yahoo-finance");
    assertThat(quote.fetchedAt()).isEqualTo(NOW);
    assertThat(quote.provenance()).isEqualTo(Provenance.LIVE);
    ProviderStubServer.Request request = stub.requests().get(0);
    assertThat(request.path()).isEqualTo("/v8/finance/chart/SPY");
    assertThat(request.query()).containsEntry("interval", "1d").containsEntry("range", "5d");
    assertThat(request.userAgent()).isEqualTo(ProviderHttp.USER_AGENT);
  }

  @Test
  void pricesKeepEveryDigitYahooWrote() {
    String chart =
        ProviderFixtures.yahooChart("SPY", List.of(Observation.of("2026-01-02", "603.4999847")));
    stub.yahoo("SPY", Answer.ok(chart));

    assertThat(provider.quote("SPY").price()).isEqualTo(new BigDecimal("603.4999847"));
  }

  @Test
  void aQuoteInPenceIsConvertedToPounds() {
    stub.yahoo("VOD.L", Answer.fixture("yahoo-finance/chart-vod-l-pence.json"));

    Quote quote = provider.quote("VOD.L");

    assertThat(quote.currency().getCurrencyCode()).isEqualTo("GBP");
    assertThat(quote.price()).isEqualTo(new BigDecimal("0.7238"));
  }

  @Test
  void dailyClosesLeaveOutTheBarsWithoutAClose() {
    stub.yahoo("SPY", Answer.fixture("yahoo-finance/chart-spy-6mo-with-nulls.json"));

    Series closes = provider.dailyCloses("SPY");

    assertThat(closes.points()).hasSize(124 - 3);
    assertThat(closes.unit()).isEqualTo(Series.Unit.PRICE);
    assertThat(closes.latest().date()).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(closes.source()).isEqualTo("yahoo-finance");
    assertThat(stub.requests().get(0).query()).containsEntry("range", "6mo");
  }

  @Test
  void closesAreDatedByTheExchangesDayAndALaterBarOfOneDayReplacesTheFirst() {
    String chart =
        ProviderFixtures.yahooChart(
            "SPY",
            List.of(
                Observation.of("2026-01-01", "100"),
                Observation.of("2026-01-02", "101"),
                Observation.of("2026-01-02", "102")));
    stub.yahoo("SPY", Answer.ok(chart));

    assertThat(provider.dailyCloses("SPY").points())
        .containsExactly(Observation.of("2026-01-01", "100"), Observation.of("2026-01-02", "102"));
  }

  @Test
  void theTenYearYieldComesFromTnxInPercent() {
    stub.yahoo("^TNX", Answer.fixture("yahoo-finance/chart-tnx-6mo.json"));

    Series yields = provider.treasuryYield(Rate.DGS10);

    assertThat(yields.name()).isEqualTo("DGS10");
    assertThat(yields.unit()).isEqualTo(Series.Unit.PERCENT);
    assertThat(yields.points()).hasSize(30);
    assertThat(yields.points())
        .allSatisfy(p -> assertThat(p.value()).isBetween(BigDecimal.ONE, BigDecimal.TEN));
    assertThat(stub.requests().get(0).path()).isEqualTo("/v8/finance/chart/^TNX");
  }

  @Test
  void aYieldQuotedAtTenTimesThePercentIsScaledDown() {
    stub.yahoo("^IRX", Answer.fixture("yahoo-finance/chart-irx-6mo-tenfold.json"));

    Series yields = provider.treasuryYield(Rate.DGS3MO);

    assertThat(yields.name()).isEqualTo("DGS3MO");
    assertThat(yields.points())
        .allSatisfy(p -> assertThat(p.value()).isBetween(new BigDecimal("3"), new BigDecimal("4")));
  }

  @Test
  void anImplausibleYieldIsMalformed() {
    stub.yahoo(
        "^TNX",
        Answer.ok(
            ProviderFixtures.yahooChart("^TNX", List.of(Observation.of("2026-01-02", "420")))));

    assertKind(() -> provider.treasuryYield(Rate.DGS10), Kind.MALFORMED);
  }

  @Test
  void theConsumerPriceIndexIsNotOfferedAndNotAsked() {
    assertKind(provider::consumerPrices, Kind.UNSUPPORTED);
    assertThat(stub.calls()).isZero();
  }

  @Test
  void aChartErrorWith404IsAnUnknownSymbol() {
    stub.yahoo("NOPE", Answer.fixture(404, "yahoo-finance/not-found-404.json"));

    assertKind(() -> provider.quote("NOPE"), Kind.NOT_FOUND);
  }

  @Test
  void throttlesAreRateLimitsWhetherJsonPlainTextOrInASuccessfulStatus() {
    stub.yahoo("SPY", Answer.fixture(429, "yahoo-finance/too-many-requests-429.json"));
    stub.yahoo("QQQ", Answer.fixture(429, "yahoo-finance/too-many-requests.txt"));
    stub.yahoo("VTI", Answer.fixture(200, "yahoo-finance/too-many-requests.txt"));

    assertKind(() -> provider.quote("SPY"), Kind.RATE_LIMITED);
    assertKind(() -> provider.quote("QQQ"), Kind.RATE_LIMITED);
    assertKind(() -> provider.quote("VTI"), Kind.RATE_LIMITED);
  }

  @Test
  void anInvalidCrumbIsUnauthorized() {
    stub.yahoo("SPY", Answer.fixture(401, "yahoo-finance/unauthorized-invalid-crumb-401.json"));

    assertKind(() -> provider.quote("SPY"), Kind.UNAUTHORIZED);
  }

  @Test
  void serverErrorsUnexplained404sAndTimeoutsAreUnavailable() {
    YahooFinanceProvider impatient = provider(Duration.ofMillis(200), 60);
    stub.yahoo("SPY", Answer.status(502));
    stub.yahoo("QQQ", Answer.status(404));
    stub.yahoo("VTI", Answer.timeout());

    assertKind(() -> provider.quote("SPY"), Kind.UNAVAILABLE);
    assertKind(() -> provider.quote("QQQ"), Kind.UNAVAILABLE);
    assertKind(() -> impatient.quote("VTI"), Kind.UNAVAILABLE);
  }

  @Test
  void truncatedOrIncompleteChartsAreMalformed() {
    stub.yahoo("SPY", Answer.fixture("yahoo-finance/malformed-truncated.json"));
    stub.yahoo("QQQ", Answer.malformed());
    stub.yahoo("VTI", Answer.ok("{\"chart\": {\"result\": [], \"error\": null}}"));
    stub.yahoo(
        "IWM", Answer.ok("{\"chart\": {\"result\": [{\"meta\": {\"currency\": \"USD\"}}]}}"));
    stub.yahoo(
        "EFA",
        Answer.ok(
            "{\"chart\": {\"result\": [{\"meta\": {\"currency\": \"XXQ\", \"regularMarketPrice\":"
                + " 10.5, \"regularMarketTime\": 1767387600}}]}}"));
    stub.yahoo(
        "AGG",
        Answer.ok(
            "{\"chart\": {\"result\": [{\"timestamp\": [1, 2], \"indicators\": {\"quote\":"
                + " [{\"close\": [1.5]}]}}]}}"));

    assertKind(() -> provider.quote("SPY"), Kind.MALFORMED);
    assertKind(() -> provider.quote("QQQ"), Kind.MALFORMED);
    assertKind(() -> provider.quote("VTI"), Kind.MALFORMED);
    assertKind(() -> provider.quote("IWM"), Kind.MALFORMED);
    assertKind(() -> provider.quote("EFA"), Kind.MALFORMED);
    assertKind(() -> provider.dailyCloses("AGG"), Kind.MALFORMED);
  }

  @Test
  void aSpentMinuteBudgetIsARateLimitWithoutANetworkCall() {
    YahooFinanceProvider sparing = provider(Duration.ofSeconds(5), 2);
    stub.yahoo("SPY", Answer.fixture("yahoo-finance/chart-spy-5d.json"));

    sparing.quote("SPY");
    sparing.quote("SPY");
    assertKind(() -> sparing.quote("SPY"), Kind.RATE_LIMITED);
    assertThat(stub.yahooCalls("SPY")).isEqualTo(2);
    assertThat(budget.asked()).containsOnly("yahoo-finance");

    clock.advance(Duration.ofMinutes(1));
    assertThat(sparing.quote("SPY").price()).isEqualByComparingTo("603.5");
    assertThat(stub.yahooCalls("SPY")).isEqualTo(3);
  }

  @Test
  void aBudgetThatCannotBeConsultedIsAnOutageWithoutANetworkCall() {
    YahooFinanceProvider unmetered =
        new YahooFinanceProvider(
            new ProviderConfig(stub.baseUrl(), Duration.ofSeconds(5), 60),
            (name, limit, window, now) -> {
              throw new IllegalStateException("the budget table did not answer");
            },
            CLIENT,
            clock);
    stub.yahoo("SPY", Answer.fixture("yahoo-finance/chart-spy-5d.json"));

    assertKind(() -> unmetered.quote("SPY"), Kind.UNAVAILABLE);
    assertThat(stub.calls()).isZero();
  }

  @Test
  void theConfigurationIsReadFromTheEnvironmentWithDefaults() {
    assertThat(ProviderConfig.yahooFinance(Map.of()))
        .isEqualTo(
            new ProviderConfig(
                URI.create("https://query1.finance.yahoo.com"), Duration.ofSeconds(5), 60));
    assertThat(ProviderConfig.yahooFinance(stub.environment()).baseUrl()).isEqualTo(stub.baseUrl());
    assertThat(ProviderConfig.yahooFinance(Map.of("YAHOO_FINANCE_PER_MINUTE", "30")).requestLimit())
        .isEqualTo(30);
  }
}
