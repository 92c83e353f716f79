package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.retrieval.UnknownSymbolException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuoteLookupTest {
  private static final Instant NOW = Instant.parse("2026-12-07T15:00:00Z");

  /** Holds every SLOW lookup until the test ends, like a provider that does not answer. */
  private final CountDownLatch release = new CountDownLatch(1);

  private final MarketData market =
      new MarketData() {
        @Override
        public Quote quote(String symbol) {
          switch (symbol) {
            case "SLOW" -> await();
            case "NOPE" -> throw new UnknownSymbolException(symbol, "yahoo-finance");
            default -> {}
          }
          return new Quote(
              symbol,
              new BigDecimal("101.25"),
              Currency.getInstance("USD"),
              NOW,
              "yahoo-finance",
              NOW);
        }

        @Override
        public Series dailyCloses(String symbol) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Series treasuryYield(Rate rate) {
          throw new UnsupportedOperationException();
        }

        @Override
        public Series consumerPrices() {
          throw new UnsupportedOperationException();
        }
      };

  @AfterEach
  void releaseSlowLookups() {
    release.countDown();
  }

  @Test
  void answersEverySymbolInTheOrderAskedAndReportsASlowOneAsUnavailableForNow() {
    QuoteLookup lookup = new QuoteLookup(market, Duration.ofMillis(300));

    Map<String, QuoteLookup.Outcome> outcomes = lookup.quotes(List.of("SPY", "SLOW", "NOPE"));

    assertThat(outcomes.keySet()).containsExactly("SPY", "SLOW", "NOPE");
    assertThat(outcomes.get("SPY").quote().price()).isEqualByComparingTo("101.25");
    assertThat(outcomes.get("SLOW").failure())
        .isInstanceOf(MarketDataUnavailableException.class)
        .hasMessageContaining("a quote for SLOW")
        .hasMessageContaining("no source answered within 300 ms");
    assertThat(outcomes.get("NOPE").failure()).isInstanceOf(UnknownSymbolException.class);
  }

  private void await() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
