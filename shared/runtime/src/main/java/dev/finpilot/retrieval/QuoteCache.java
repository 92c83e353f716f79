package dev.finpilot.retrieval;

import dev.finpilot.market.Quote;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.PoisonMessageException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quotes in the market-data cache, one JSON document per symbol under {@code quote#<SYMBOL>}. The
 * retrieval agent puts what the providers answer; the API reads what is still fresh.
 */
public final class QuoteCache {
  private static final Logger LOG = LoggerFactory.getLogger(QuoteCache.class);

  /**
   * How long a fetched quote is served, counted from {@link Quote#fetchedAt()}. Minutes, as the
   * brief says of quotes: the market monitor looks every five minutes, so a longer life would let
   * it (and the user) judge on a price older than its own last look, while a shorter one would
   * spend provider calls that the providers' rate limits ration.
   */
  public static final Duration QUOTE_LIFETIME = Duration.ofMinutes(5);

  private static final String KEY_PREFIX = "quote#";

  private final MarketDataCache cache;

  public QuoteCache(MarketDataCache cache) {
    this.cache = cache;
  }

  /** The symbols asked for, split into the fresh quotes found and the symbols without one. */
  public record Lookup(List<Quote> quotes, List<String> missing) {
    public Lookup {
      quotes = List.copyOf(quotes);
      missing = List.copyOf(missing);
    }
  }

  public void put(Quote quote) {
    cache.put(key(quote.symbol()), Json.write(quote), quote.fetchedAt().plus(QUOTE_LIFETIME));
  }

  public Optional<Quote> get(String symbol, Instant now) {
    return cache.get(key(symbol), now).flatMap(document -> read(symbol, document));
  }

  /** Each symbol's fresh quote, or the symbol in {@code missing}; both in the order asked. */
  public Lookup find(Collection<String> symbols, Instant now) {
    List<Quote> quotes = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String symbol : symbols) {
      get(symbol, now).ifPresentOrElse(quotes::add, () -> missing.add(symbol));
    }
    return new Lookup(quotes, missing);
  }

  static String key(String symbol) {
    return KEY_PREFIX + symbol;
  }

  /**
   * A document this version cannot read (written by an older or newer release during a deploy) is a
   * miss, not a failure: the next fetch overwrites it, and at worst it expires within minutes.
   */
  private static Optional<Quote> read(String symbol, String document) {
    try {
      return Optional.of(Json.read(document, Quote.class));
    } catch (PoisonMessageException e) {
      LOG.warn("unreadable cached quote for {}; treated as a miss: {}", symbol, e.getMessage());
      return Optional.empty();
    }
  }
}
