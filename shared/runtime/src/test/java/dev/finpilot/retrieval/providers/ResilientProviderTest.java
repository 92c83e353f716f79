package dev.finpilot.retrieval.providers;

import static dev.finpilot.retrieval.providers.ProviderAssertions.assertKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.market.Rate;
import dev.finpilot.retrieval.ProviderException.Kind;
import dev.finpilot.retrieval.providers.ProviderStubServer.Answer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries for transient failures only, and a breaker that stops calling a failing provider. */
class ResilientProviderTest {

  private static final HttpClient CLIENT = LiveProviders.httpClient();
  private static final String CHART = "yahoo-finance/chart-spy-5d.json";
  private static final ResilienceSettings FAST =
      new ResilienceSettings(3, Duration.ofMillis(1), 10, 5, Duration.ofMinutes(1));

  private final ProviderStubServer stub = ProviderStubServer.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T15:00:00Z"));
  private final InMemoryRequestBudget budget = new InMemoryRequestBudget();
  private final ResilientProvider yahoo =
      new ResilientProvider(
          new YahooFinanceProvider(
              new ProviderConfig(stub.baseUrl(), Duration.ofSeconds(5), 1000),
              budget,
              CLIENT,
              clock),
          FAST,
          clock);

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void anOutageThenAnAnswerTakesTwoCalls() {
    stub.yahoo("SPY", Answer.status(503), Answer.fixture(CHART));

    assertThat(yahoo.quote("SPY").price()).isEqualByComparingTo("603.5");
    assertThat(stub.yahooCalls("SPY")).isEqualTo(2);
    assertThat(yahoo.name()).isEqualTo("yahoo-finance");
  }

  @Test
  void aGarbledAnswerIsTriedAgain() {
    stub.yahoo("SPY", Answer.malformed(), Answer.fixture(CHART));

    yahoo.quote("SPY");

    assertThat(stub.yahooCalls("SPY")).isEqualTo(2);
  }

  @Test
  void aPersistentOutageIsTriedThreeTimesThenReported() {
    stub.yahoo("SPY", Answer.status(503));

    assertKind(() -> yahoo.quote("SPY"), Kind.UNAVAILABLE);
    assertThat(stub.yahooCalls("SPY")).isEqualTo(3);
  }

  @Test
  void anUnknownSymbolOrAThrottleIsAnsweredAtOnce() {
    stub.yahoo("NOPE", Answer.fixture(404, "yahoo-finance/not-found-404.json"));
    stub.yahoo("SPY", Answer.status(429));

    assertKind(() -> yahoo.dailyCloses("NOPE"), Kind.NOT_FOUND);
    assertKind(() -> yahoo.quote("SPY"), Kind.RATE_LIMITED);
    assertKind(yahoo::consumerPrices, Kind.UNSUPPORTED);
    assertThat(stub.yahooCalls("NOPE")).isEqualTo(1);
    assertThat(stub.yahooCalls("SPY")).isEqualTo(1);
  }

  @Test
  void theBreakerOpensAfterFiveFailedRequestsAndThenMakesNoCalls() {
    stub.yahoo("^TNX", Answer.status(503));
    for (int i = 0; i < 5; i++) {
      assertKind(() -> yahoo.treasuryYield(Rate.DGS10), Kind.UNAVAILABLE);
    }
    assertThat(stub.calls()).isEqualTo(15);
    assertThat(yahoo.breakerState()).isEqualTo(BreakerState.OPEN);

    stub.yahoo("SPY", Answer.fixture(CHART));
    assertKind(() -> yahoo.quote("SPY"), Kind.UNAVAILABLE);
    assertThatThrownBy(() -> yahoo.quote("SPY")).hasMessageContaining("circuit open");
    assertThat(stub.calls()).isEqualTo(15);
  }

  @Test
  void anOpenBreakerLetsOneTrialCallThroughAfterItsWaitAndClosesOnSuccess() {
    stub.yahoo("SPY", Answer.status(500));
    for (int i = 0; i < 5; i++) {
      assertKind(() -> yahoo.quote("SPY"), Kind.UNAVAILABLE);
    }
    assertThat(yahoo.breakerState()).isEqualTo(BreakerState.OPEN);

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    stub.yahoo("SPY", Answer.fixture(CHART));

    assertThat(yahoo.quote("SPY").source()).isEqualTo("yahoo-finance");
    assertThat(yahoo.breakerState()).isEqualTo(BreakerState.CLOSED);
  }

  @Test
  void throttlesOpenTheBreakerButUnknownSymbolsDoNot() {
    stub.yahoo("NOPE", Answer.fixture(404, "yahoo-finance/not-found-404.json"));
    for (int i = 0; i < 10; i++) {
      assertKind(() -> yahoo.quote("NOPE"), Kind.NOT_FOUND);
    }
    assertThat(yahoo.breakerState()).isEqualTo(BreakerState.CLOSED);

    stub.yahoo("SPY", Answer.status(429));
    for (int i = 0; i < 5; i++) {
      assertKind(() -> yahoo.quote("SPY"), Kind.RATE_LIMITED);
    }
    assertThat(yahoo.breakerState()).isEqualTo(BreakerState.OPEN);
  }

  @Test
  void spentAllowancesDoNotOpenTheBreaker() {
    ResilientProvider alphaVantage =
        new ResilientProvider(
            new AlphaVantageProvider(
                new ProviderConfig(stub.baseUrl(), Duration.ofSeconds(5), 25),
                new ApiKeys(List.of(ApiKey.of(ProviderAssertions.KEYS.get(0)))),
                budget,
                CLIENT,
                clock),
            FAST,
            clock);
    stub.alphaVantage(
        "GLOBAL_QUOTE", "SPY", Answer.fixture("alpha-vantage/information-daily-limit.json"));

    for (int i = 0; i < 10; i++) {
      assertKind(() -> alphaVantage.quote("SPY"), Kind.DAILY_LIMIT);
    }

    assertThat(alphaVantage.breakerState()).isEqualTo(BreakerState.CLOSED);
    assertThat(stub.calls()).isEqualTo(1);
  }

  @Test
  void liveProvidersAreBuiltByNameBehindTheirOwnBreakers() {
    Map<String, String> env = stub.environment();
    ApiKeys keys = new ApiKeys(List.of(ApiKey.of(ProviderAssertions.KEYS.get(0))));
    stub.alphaVantage("CPI", "", Answer.fixture("alpha-vantage/cpi-monthly.json"));

    ResilientProvider alphaVantage =
        LiveProviders.create("alpha-vantage", env, keys, budget, CLIENT, clock);
    ResilientProvider yahooFinance =
        LiveProviders.create("yahoo-finance", env, keys, budget, CLIENT, clock);

    assertThat(alphaVantage.consumerPrices().source()).isEqualTo("alpha-vantage");
    assertThat(yahooFinance.name()).isEqualTo("yahoo-finance");
    assertThatThrownBy(() -> LiveProviders.create("embedded", env, keys, budget, CLIENT, clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("embedded");
  }
}
