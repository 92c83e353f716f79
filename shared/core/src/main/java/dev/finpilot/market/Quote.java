package dev.finpilot.market;

import dev.finpilot.domain.Validation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A provider's price for one symbol. The price is exact and kept at the provider's precision rather
 * than as {@code Money}, which rounds to the cent: quotes below a dollar, and some currencies, need
 * more digits than that.
 *
 * @param asOf when the provider says the price was quoted (the last trade; hours old while the
 *     market is closed)
 * @param source the provider that quoted it, such as {@code alpha-vantage}
 * @param fetchedAt when FinPilot received it from the provider
 * @param provenance how this reader got it; a document without one (cached before it was recorded)
 *     reads as {@link Provenance#LIVE}, what it was when it was written
 */
public record Quote(
    String symbol,
    BigDecimal price,
    Currency currency,
    Instant asOf,
    String source,
    Instant fetchedAt,
    Provenance provenance) {

  /** A quote just received from {@code source}. */
  public Quote(
      String symbol,
      BigDecimal price,
      Currency currency,
      Instant asOf,
      String source,
      Instant fetchedAt) {
    this(symbol, price, currency, asOf, source, fetchedAt, Provenance.LIVE);
  }

  public Quote {
    provenance = provenance == null ? Provenance.LIVE : provenance;
    Validation v = new Validation();
    if (v.notNull(symbol, "symbol")) {
      v.require(Symbols.isValid(symbol), "symbol", Symbols.RULE);
    }
    if (v.notNull(price, "price")) {
      v.require(price.signum() > 0, "price", "must be positive, was " + price.toPlainString());
    }
    v.notNull(currency, "currency");
    v.notNull(asOf, "asOf");
    if (v.notNull(source, "source")) {
      v.require(!source.isBlank(), "source", "must not be blank");
    }
    v.notNull(fetchedAt, "fetchedAt");
    v.throwIfInvalid();
  }

  /** The same quote as it is served from somewhere else, such as the cache. */
  public Quote withProvenance(Provenance served) {
    return new Quote(symbol, price, currency, asOf, source, fetchedAt, served);
  }
}
