package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ParseContextTest {

  @Test
  void defaultsToNoAgeAndDollars() {
    ParseContext context = new ParseContext(LocalDate.of(2025, 1, 1), null, null);

    assertThat(context.currentAge()).isEqualTo(OptionalInt.empty());
    assertThat(context.defaultCurrency()).isEqualTo(Money.USD);
  }

  @Test
  void refusesInvalidSettingsNamingEachField() {
    assertThatThrownBy(
            () -> new ParseContext(null, OptionalInt.of(12), Currency.getInstance("EUR")))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly("asOf", "currentAge", "defaultCurrency"));
  }
}
