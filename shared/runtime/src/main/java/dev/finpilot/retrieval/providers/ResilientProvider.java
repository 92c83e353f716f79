package dev.finpilot.retrieval.providers;

import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.MarketDataProvider;
import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A provider behind a retry and a circuit breaker of its own.
 *
 * <p>The retry repeats only failures whose {@link Kind#retryable()} is true (an outage, a garbled
 * answer), with exponential backoff and jitter; an unknown symbol or a spent limit is answered at
 * once. Each attempt is a request of its own to the provider and takes from its budget there.
 *
 * <p>The breaker sits outside the retry, so it judges requests, not attempts. It counts outages,
 * garbled answers and throttles as failures, and an unknown symbol as a success (the provider
 * answered); limits, plans and credentials say nothing about the provider's health and are not
 * counted. While it is open every call fails at once as {@link Kind#UNAVAILABLE} without touching
 * the network, so the next provider is asked.
 */
public final class ResilientProvider implements MarketDataProvider {

  private static final Set<Kind> FAILURES =
      EnumSet.of(Kind.UNAVAILABLE, Kind.MALFORMED, Kind.RATE_LIMITED);
  private static final Set<Kind> NOT_COUNTED =
      EnumSet.of(Kind.DAILY_LIMIT, Kind.PREMIUM_ONLY, Kind.UNAUTHORIZED, Kind.UNSUPPORTED);
  private static final double BACKOFF_MULTIPLIER = 2;
  private static final double JITTER = 0.5;
  private static final float FAILURE_RATE_PERCENT = 50;

  private final MarketDataProvider provider;
  private final Retry retry;
  private final CircuitBreaker breaker;

  public ResilientProvider(MarketDataProvider provider, ResilienceSettings settings, Clock clock) {
    this.provider = provider;
    this.retry =
        Retry.of(
            provider.name(),
            RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(
                        settings.firstBackoff(), BACKOFF_MULTIPLIER, JITTER))
                .retryOnException(e -> kindIn(e, Kind::retryable))
                .build());
    this.breaker =
        CircuitBreaker.of(
            provider.name(),
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breakerWindow())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .failureRateThreshold(FAILURE_RATE_PERCENT)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> kindIn(e, FAILURES::contains))
                .ignoreException(e -> kindIn(e, NOT_COUNTED::contains))
                .clock(clock)
                .build());
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public Quote quote(String symbol) {
    return guarded(() -> provider.quote(symbol));
  }

  @Override
  public Series dailyCloses(String symbol) {
    return guarded(() -> provider.dailyCloses(symbol));
  }

  @Override
  public Series treasuryYield(Rate rate) {
    return guarded(() -> provider.treasuryYield(rate));
  }

  @Override
  public Series consumerPrices() {
    return guarded(provider::consumerPrices);
  }

  public BreakerState breakerState() {
    switch (breaker.getState()) {
      case OPEN:
      case FORCED_OPEN:
        return BreakerState.OPEN;
      case HALF_OPEN:
        return BreakerState.HALF_OPEN;
      default:
        return BreakerState.CLOSED;
    }
  }

  private <T> T guarded(Supplier<T> call) {
    try {
      return breaker.executeSupplier(Retry.decorateSupplier(retry, call));
    } catch (CallNotPermittedException e) {
      throw new ProviderException(
          name(), Kind.UNAVAILABLE, "circuit open after repeated failures; not asked for now");
    }
  }

  private static boolean kindIn(Throwable e, Predicate<Kind> test) {
    return e instanceof ProviderException failure && test.test(failure.kind());
  }
}
