package dev.finpilot.functions.api;

import dev.finpilot.execution.Books;
import dev.finpilot.execution.HoldingPrice;
import dev.finpilot.execution.LastTradePrices;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.market.Quote;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.retrieval.UnknownSymbolException;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * The price of each symbol a user holds: its quote, read through the market-data cache to the
 * providers, or, where no quote in the books' currency can be had, the last price the user's own
 * ledger traded it at, noting why. The ledger is read only for the symbols without a quote.
 */
@Singleton
final class PortfolioPrices {
  private final MarketData market;
  private final LedgerStore ledger;

  PortfolioPrices(MarketData market, LedgerStore ledger) {
    this.market = market;
    this.ledger = ledger;
  }

  /** Prices by symbol; a symbol with neither a quote nor a trade in the ledger has none. */
  Map<String, HoldingPrice> of(Books books) {
    Map<String, HoldingPrice> prices = new TreeMap<>();
    Map<String, String> withoutQuote = new TreeMap<>();
    for (String symbol : books.heldSymbols()) {
      try {
        Quote quote = market.quote(symbol);
        if (quote.currency().equals(books.currency())) {
          prices.put(symbol, HoldingPrice.quoted(quote));
        } else {
          withoutQuote.put(
              symbol,
              "quoted in " + quote.currency() + ", but the books are kept in " + books.currency());
        }
      } catch (UnknownSymbolException e) {
        withoutQuote.put(symbol, MarketController.unknownSymbol(e));
      } catch (MarketDataUnavailableException e) {
        withoutQuote.put(symbol, e.getMessage());
      }
    }
    LastTradePrices.of(ledger, books, withoutQuote.keySet())
        .forEach(
            (symbol, price) ->
                prices.put(symbol, price.withQuoteUnavailable(withoutQuote.get(symbol))));
    return prices;
  }
}
