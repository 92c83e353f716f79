package dev.finpilot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import dev.finpilot.market.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteCacheTest {
  static final Instant FETCHED = Instant.parse("2026-03-02T14:05:00Z");

  final InMemoryMarketDataCache store = new InMemoryMarketDataCache();
  final QuoteCache quotes = new QuoteCache(store);

  static Quote quote(String symbol, String price) {
    return new Quote(
        symbol,
        new BigDecimal(price),
        Money.USD,
        FETCHED.minus(Duration.ofMinutes(1)),
        "alpha-vantage",
        FETCHED);
  }

  @Test
  void aQuoteIsServedForItsLifetimeFromWhenItWasFetched() {
    Quote aapl = quote("AAPL", "189.8425");
    quotes.put(aapl);

    assertThat(quotes.get("AAPL", FETCHED)).contains(aapl);
    assertThat(quotes.get("AAPL", FETCHED.plus(QuoteCache.QUOTE_LIFETIME).minusSeconds(1)))
        .contains(aapl);
    assertThat(quotes.get("AAPL", FETCHED.plus(QuoteCache.QUOTE_LIFETIME))).isEmpty();
    assertThat(QuoteCache.QUOTE_LIFETIME).isBetween(Duration.ofMinutes(1), Duration.ofMinutes(59));
  }

  @Test
  void eachSymbolHasItsOwnKeyAndANewerQuoteReplacesTheOlder() {
    quotes.put(quote("AAPL", "189.84"));
    quotes.put(quote("AAPL", "190.10"));
    quotes.put(quote("SPY", "512.00"));

    assertThat(store.holds("quote#AAPL")).isTrue();
    assertThat(quotes.get("AAPL", FETCHED).orElseThrow().price()).isEqualByComparingTo("190.10");
    assertThat(quotes.get("SPY", FETCHED).orElseThrow().price()).isEqualByComparingTo("512.00");
  }

  @Test
  void aLookupSplitsFreshQuotesFromMissingSymbolsInTheOrderAsked() {
    Quote spy = quote("SPY", "512.00");
    Quote aapl = quote("AAPL", "189.84");
    quotes.put(spy);
    quotes.put(aapl);

    QuoteCache.Lookup found = quotes.find(List.of("MSFT", "AAPL", "^GSPC", "SPY"), FETCHED);

    assertThat(found.quotes()).containsExactly(aapl, spy);
    assertThat(found.missing()).containsExactly("MSFT", "^GSPC");
  }

  @Test
  void anExpiredQuoteIsMissingThoughStillStored() {
    quotes.put(quote("AAPL", "189.84"));
    Instant later = FETCHED.plus(QuoteCache.QUOTE_LIFETIME).plusSeconds(30);

    QuoteCache.Lookup found = quotes.find(List.of("AAPL"), later);

    assertThat(store.holds("quote#AAPL")).isTrue();
    assertThat(found.quotes()).isEmpty();
    assertThat(found.missing()).containsExactly("AAPL");
  }

  @Test
  void aDocumentThisVersionCannotReadIsAMiss() {
    Instant expires = FETCHED.plus(QuoteCache.QUOTE_LIFETIME);
    store.put("quote#AAPL", "{\"symbol\":\"AAPL\",\"price\":-1}", expires);
    store.put("quote#SPY", "not json", expires);

    QuoteCache.Lookup found = quotes.find(List.of("AAPL", "SPY"), FETCHED);

    assertThat(found.quotes()).isEmpty();
    assertThat(found.missing()).containsExactly("AAPL", "SPY");
  }
}
