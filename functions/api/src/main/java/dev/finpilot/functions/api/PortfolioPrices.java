package dev.finpilot.functions.api;

import dev.finpilot.execution.Books;
import dev.finpilot.execution.HoldingPrice;
import dev.finpilot.execution.LastTradePrices;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.market.Quote;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.retrieval.UnknownSymbolException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The price of each symbol a user holds: its quote, read through the market-data cache to the
 * providers, or, where no quote in the books' currency can be had, the last price the user's own
 * ledger traded it at, noting why. The ledger is read only for the symbols without a quote.
 */
@Singleton
final class PortfolioPrices {
  private final QuoteLookup lookup;
  private final LedgerStore ledger;

  PortfolioPrices(QuoteLookup lookup, LedgerStore ledger) {
    this.lookup = lookup;
    this.ledger = ledger;
  }

  /** Prices by symbol; a symbol with neither a quote nor a trade in the ledger has none. */
  Map<String, HoldingPrice> of(Books books) {
    Map<String, HoldingPrice> prices = new TreeMap<>();
    Map<String, String> withoutQuote = new TreeMap<>();
    lookup
        .quotes(List.copyOf(books.heldSymbols()))
        .forEach(
            (symbol, outcome) -> {
              Quote quote = outcome.quote();
              if (quote != null && quote.currency().equals(books.currency())) {
                prices.put(symbol, HoldingPrice.quoted(quote));
              } else if (quote != null) {
                withoutQuote.put(
                    symbol,
                    "quoted in "
                        + quote.currency()
                        + ", but the books are kept in "
                        + books.currency());
              } else if (outcome.failure() instanceof UnknownSymbolException e) {
                withoutQuote.put(symbol, MarketController.unknownSymbol(e));
              } else if (outcome.failure() instanceof MarketDataUnavailableException e) {
                withoutQuote.put(symbol, e.getMessage());
              } else {
                throw outcome.failure();
              }
            });
    LastTradePrices.of(ledger, books, withoutQuote.keySet())
        .forEach(
            (symbol, price) ->
                prices.put(symbol, price.withQuoteUnavailable(withoutQuote.get(symbol))));
    return prices;
  }
}
