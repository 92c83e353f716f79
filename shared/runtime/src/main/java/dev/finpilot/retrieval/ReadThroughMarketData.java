package dev.finpilot.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.PoisonMessageException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MarketData} read through the cache to the providers in order. A fresh cached answer is
 * served as {@link Provenance#CACHED}. On a miss one reader per key, across every instance, takes a
 * lease and asks the providers while the others wait for its answer, so concurrent misses cost one
 * provider call. A provider that does not know the symbol ends the search at once and is remembered
 * briefly; any other failure moves on to the next provider; when all fail, an expired cached answer
 * is served as {@link Provenance#STALE}, or else the failure says what each provider did.
 */
public final class ReadThroughMarketData implements MarketData {
  private static final Logger LOG = LoggerFactory.getLogger(ReadThroughMarketData.class);

  private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
  private static final Duration LONGEST_PAUSE = Duration.ofMillis(250);

  private final List<MarketDataProvider> providers;
  private final MarketDataCache cache;
  private final CacheLifetimes lifetimes;
  private final MarketDataMetrics metrics;
  private final Clock clock;

  public ReadThroughMarketData(
      List<MarketDataProvider> providers,
      MarketDataCache cache,
      CacheLifetimes lifetimes,
      MarketDataMetrics metrics,
      Clock clock) {
    this.providers = List.copyOf(providers);
    this.cache = cache;
    this.lifetimes = lifetimes;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Quote quote(String symbol) {
    return read(
        new Read<>(
            "quote#" + symbol,
            "a quote for " + symbol,
            symbol,
            Quote.class,
            lifetimes.quotes(),
            p -> p.quote(symbol),
            Quote::withProvenance));
  }

  @Override
  public Series dailyCloses(String symbol) {
    return read(
        series(
            "closes#" + symbol, "daily closes of " + symbol, symbol, p -> p.dailyCloses(symbol)));
  }

  @Override
  public Series treasuryYield(Rate rate) {
    return read(
        series("yield#" + rate.name(), "the " + rate + " yield", null, p -> p.treasuryYield(rate)));
  }

  @Override
  public Series consumerPrices() {
    return read(
        series("cpi", "the consumer price index", null, MarketDataProvider::consumerPrices));
  }

  private Read<Series> series(
      String key, String what, String symbol, Function<MarketDataProvider, Series> call) {
    return new Read<>(
        key, what, symbol, Series.class, lifetimes.series(), call, Series::withProvenance);
  }

  /**
   * One kind of answer: where it is cached, how it is named in messages, how a provider is asked.
   *
   * @param symbol the symbol asked about, or null where there is none to be unknown (rates, CPI)
   */
  private record Read<T>(
      String key,
      String what,
      String symbol,
      Class<T> type,
      Duration lifetime,
      Function<MarketDataProvider, T> call,
      BiFunction<T, Provenance, T> serve) {}

  /** A provider's "no such symbol", cached under the key the answer would have had. */
  record UnknownSymbol(String unknownSymbol, String source) {}

  private <T> T read(Read<T> read) {
    try {
      Optional<MarketDataCache.Entry> cached = cache.entry(read.key());
      Optional<T> hit;
      try {
        hit = fresh(read, cached);
      } catch (UnknownSymbolException remembered) {
        metrics.cacheHit();
        throw remembered;
      }
      if (hit.isPresent()) {
        metrics.cacheHit();
        return hit.get();
      }
      metrics.cacheMiss();
      if (providers.isEmpty()) {
        return staleOrUnavailable(read, cached, List.of(OfflineMarketData.REASON));
      }
      String holder = UUID.randomUUID().toString();
      Instant now = clock.instant();
      if (!cache.tryLease(read.key(), holder, now, now.plus(lifetimes.lease()))) {
        return awaitOtherReader(read);
      }
      try {
        // A reader that held the lease until a moment ago may have written the answer.
        Optional<MarketDataCache.Entry> current = cache.entry(read.key());
        Optional<T> written = fresh(read, current);
        return written.isPresent() ? written.get() : fetch(read, current);
      } finally {
        cache.release(read.key(), holder);
      }
    } finally {
      metrics.flush();
    }
  }

  private <T> T fetch(Read<T> read, Optional<MarketDataCache.Entry> cached) {
    List<String> attempts = new ArrayList<>();
    for (MarketDataProvider provider : providers) {
      metrics.providerCalled(provider.name());
      try {
        T answer = read.call().apply(provider);
        cache.put(read.key(), Json.write(answer), clock.instant().plus(read.lifetime()));
        return answer;
      } catch (ProviderException e) {
        metrics.providerFailed(provider.name(), e.kind());
        if (e.kind() == ProviderException.Kind.NOT_FOUND && read.symbol() != null) {
          cache.put(
              read.key(),
              Json.write(new UnknownSymbol(read.symbol(), provider.name())),
              clock.instant().plus(lifetimes.unknownSymbols()));
          throw new UnknownSymbolException(read.symbol(), provider.name());
        }
        attempts.add(provider.name() + " " + inWords(e.kind()));
        metrics.fellBack(provider.name());
      }
    }
    return staleOrUnavailable(read, cached, attempts);
  }

  /**
   * Another reader holds the lease: polls, with a growing pause, for the answer it writes, for as
   * long as the lease may last. A lease given back without a fresh answer means that reader's
   * providers all failed, and asking them again at once would fail the same way.
   */
  private <T> T awaitOtherReader(Read<T> read) {
    Duration waited = Duration.ZERO;
    Duration pause = FIRST_PAUSE;
    boolean stillLeased;
    do {
      if (!pause(pause)) {
        break;
      }
      waited = waited.plus(pause);
      pause = min(pause.multipliedBy(2), LONGEST_PAUSE);
      // The lease first: a reader that has given it back wrote its answer before doing so.
      stillLeased = cache.leased(read.key(), clock.instant());
      Optional<T> answer = fresh(read, cache.entry(read.key()));
      if (answer.isPresent()) {
        return answer.get();
      }
    } while (stillLeased && waited.compareTo(lifetimes.lease()) < 0);
    return staleOrUnavailable(
        read,
        cache.entry(read.key()),
        List.of("another request was fetching it at the same time and got no answer"));
  }

  private <T> Optional<T> fresh(Read<T> read, Optional<MarketDataCache.Entry> cached) {
    return cached
        .filter(entry -> entry.freshAt(clock.instant()))
        .flatMap(entry -> served(read, entry, Provenance.CACHED));
  }

  private <T> T staleOrUnavailable(
      Read<T> read, Optional<MarketDataCache.Entry> cached, List<String> attempts) {
    Optional<T> stale = cached.flatMap(entry -> served(read, entry, Provenance.STALE));
    if (stale.isPresent()) {
      metrics.staleServed();
      return stale.get();
    }
    throw new MarketDataUnavailableException(read.what(), attempts);
  }

  /**
   * The cached answer as served with {@code provenance}; empty for a document this version cannot
   * read (written by another release during a deploy), which the next fetch overwrites. A cached
   * "no such symbol" is thrown as such.
   */
  private <T> Optional<T> served(Read<T> read, MarketDataCache.Entry entry, Provenance provenance) {
    try {
      JsonNode document = Json.readTree(entry.document());
      if (document.has("unknownSymbol")) {
        if (provenance == Provenance.STALE) {
          return Optional.empty();
        }
        UnknownSymbol unknown = Json.convert(document, UnknownSymbol.class);
        throw new UnknownSymbolException(unknown.unknownSymbol(), unknown.source());
      }
      return Optional.of(read.serve().apply(Json.convert(document, read.type()), provenance));
    } catch (PoisonMessageException e) {
      LOG.warn(
          "unreadable cached {} under {}; treated as a miss: {}",
          read.what(),
          read.key(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private static String inWords(ProviderException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> "has no such data";
      case RATE_LIMITED -> "is throttling requests";
      case DAILY_LIMIT -> "has no requests left today";
      case PREMIUM_ONLY -> "offers this on paid plans only";
      case UNAUTHORIZED -> "refused the credentials";
      case UNAVAILABLE -> "did not answer";
      case MALFORMED -> "answered with something unreadable";
      case UNSUPPORTED -> "does not offer this";
    };
  }

  private static boolean pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
