package dev.finpilot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteTest {
  static final Instant AS_OF = Instant.parse("2026-03-02T14:00:00Z");
  static final Instant FETCHED = Instant.parse("2026-03-02T14:05:00Z");

  @Test
  void keepsThePriceExactlyAsQuotedThroughJson() {
    Quote quote =
        new Quote("SIRI", new BigDecimal("0.0512"), Money.USD, AS_OF, "alpha-vantage", FETCHED);

    Quote read = JsonMapping.read(JsonMapping.write(quote), Quote.class);

    assertThat(read).isEqualTo(quote);
    assertThat(read.price()).isEqualByComparingTo("0.0512");
    assertThat(JsonMapping.readTree(JsonMapping.write(quote)).path("currency").asText())
        .isEqualTo("USD");
  }

  @Test
  void refusesABadSymbolAndANonPositivePriceNamingEachField() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class,
            () -> new Quote("aapl", BigDecimal.ZERO, Money.USD, AS_OF, " ", FETCHED));

    assertThat(e.errors())
        .containsExactly(
            new FieldError("symbol", Symbols.RULE),
            new FieldError("price", "must be positive, was 0"),
            new FieldError("source", "must not be blank"));
  }

  @Test
  void requiresEveryField() {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> new Quote(null, null, null, null, null, null));

    assertThat(e.errors())
        .extracting(FieldError::field)
        .containsExactly("symbol", "price", "currency", "asOf", "source", "fetchedAt");
  }
}
