package dev.finpilot.execution;

import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;

/**
 * The price per unit a held symbol is valued at, and where it came from, so that a value shown to a
 * user never passes off an old trade as the market.
 *
 * @param price exact: a quote at the provider's precision, or a last trade's cash per unit (to ten
 *     decimal places); the holding's value is rounded to the cent once, from this
 * @param source the provider that quoted it, or {@link #LEDGER} for a last trade
 * @param asOf when the provider quoted the price, or when the trade was posted
 * @param provenance how the quote reached FinPilot; {@code null} for a last trade, which is no
 *     market data
 * @param quoteUnavailable for a last trade, why no quote was used; {@code null} otherwise
 */
public record HoldingPrice(
    BigDecimal price,
    Currency currency,
    PriceBasis priceBasis,
    String source,
    Instant asOf,
    Provenance provenance,
    String quoteUnavailable) {

  /** The source of a {@link PriceBasis#LAST_TRADE} price: the user's own ledger. */
  public static final String LEDGER = "ledger";

  public HoldingPrice {
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(priceBasis, "priceBasis");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(asOf, "asOf");
  }

  public static HoldingPrice quoted(Quote quote) {
    return new HoldingPrice(
        quote.price(),
        quote.currency(),
        PriceBasis.QUOTE,
        quote.source(),
        quote.asOf(),
        quote.provenance(),
        null);
  }

  static HoldingPrice lastTrade(BigDecimal perUnit, Currency currency, Instant postedAt) {
    return new HoldingPrice(perUnit, currency, PriceBasis.LAST_TRADE, LEDGER, postedAt, null, null);
  }

  /** This price, noting why a quote could not be used instead. */
  public HoldingPrice withQuoteUnavailable(String reason) {
    return new HoldingPrice(price, currency, priceBasis, source, asOf, provenance, reason);
  }
}
