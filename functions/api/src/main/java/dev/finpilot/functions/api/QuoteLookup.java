package dev.finpilot.functions.api;

import dev.finpilot.market.Quote;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Quotes for several symbols within one request's time. Each symbol may mean provider calls with
 * timeouts and retries, so one after another twenty of them could outlast the API's 10-second
 * limit; here they are asked for side by side, and a symbol without an answer by {@link #WITHIN} is
 * reported as unavailable for now (its fetch goes on and fills the cache for the next ask).
 */
@Singleton
final class QuoteLookup {

  /** Leaves the rest of the API's 10 seconds for authentication, rate limits and the response. */
  static final Duration WITHIN = Duration.ofSeconds(6);

  private static final int PARALLEL = 8;

  private final MarketData market;
  private final ExecutorService lookups;
  private final Duration within;

  @Inject
  QuoteLookup(MarketData market) {
    this(market, WITHIN);
  }

  QuoteLookup(MarketData market, Duration within) {
    this.market = market;
    this.within = within;
    this.lookups =
        Executors.newFixedThreadPool(
            PARALLEL,
            task -> {
              Thread thread = new Thread(task, "quote-lookup");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * One outcome per symbol, in the order asked: the quote, or the exception {@link MarketData}
   * answered with ({@link dev.finpilot.retrieval.UnknownSymbolException} or {@link
   * MarketDataUnavailableException}, also for a symbol that took too long).
   */
  Map<String, Outcome> quotes(List<String> symbols) {
    List<Future<Quote>> pending = new ArrayList<>();
    for (String symbol : symbols) {
      pending.add(lookups.submit(() -> market.quote(symbol)));
    }
    long deadline = System.nanoTime() + within.toNanos();
    Map<String, Outcome> outcomes = new LinkedHashMap<>();
    for (int i = 0; i < symbols.size(); i++) {
      outcomes.put(symbols.get(i), await(symbols.get(i), pending.get(i), deadline));
    }
    return outcomes;
  }

  private Outcome await(String symbol, Future<Quote> answer, long deadline) {
    try {
      long left = Math.max(0, deadline - System.nanoTime());
      return new Outcome(answer.get(left, TimeUnit.NANOSECONDS), null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        return new Outcome(null, failure);
      }
      throw new IllegalStateException("quote lookup for " + symbol + " failed", e.getCause());
    } catch (TimeoutException e) {
      return new Outcome(
          null,
          new MarketDataUnavailableException(
              "a quote for " + symbol,
              List.of(
                  "no source answered within "
                      + within.toMillis()
                      + " ms; the answer is cached when it comes, so ask again shortly")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for quotes", e);
    }
  }

  /** Exactly one of {@code quote} and {@code failure} is set. */
  record Outcome(Quote quote, RuntimeException failure) {}
}
