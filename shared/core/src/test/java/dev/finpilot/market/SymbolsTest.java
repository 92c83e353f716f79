package dev.finpilot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SymbolsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"AAPL", "SPY", "BRK.B", "RDS-A", "0700.HK", "^GSPC", "A", "ABCDEFGHIJKLMNO"})
  void acceptsTickersAsExchangesWriteThem(String symbol) {
    assertThat(Symbols.isValid(symbol)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "aapl",
        "AA PL",
        "ABCDEFGHIJKLMNOP",
        "^",
        ".A",
        "-A",
        "A^B",
        "^^A",
        "A/B",
        "A%2C",
        "ÄPL",
        "EURUSD=X"
      })
  void refusesAnythingElse(String symbol) {
    assertThat(Symbols.isValid(symbol)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAPL,SPY", " aapl , Spy ", "AAPL,spy,AAPL"})
  void readsAListAsTypedDistinctAndInOrder(String typed) {
    assertThat(Symbols.parseList(typed, "symbols", 3)).containsExactly("AAPL", "SPY");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A,B,C,D", "A,B,C,"})
  void refusesMoreItemsThanTheMaximum(String typed) {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> Symbols.parseList(typed, "symbols", 3));

    assertThat(e.errors())
        .containsExactly(new FieldError("symbols", "must list at most 3 symbols, was 4"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AAPL,,SPY", "AAPL,a b,SPY", "AAPL,SPY$,SPY"})
  void namesEveryItemThatIsNotASymbol(String typed) {
    ValidationException e =
        catchThrowableOfType(
            ValidationException.class, () -> Symbols.parseList(typed, "symbols", 5));

    assertThat(e.errors()).containsExactly(new FieldError("symbols[1]", Symbols.RULE));
  }

  @Property(tries = 300)
  void everyValidSymbolIsReadBackFromAnyCase(@ForAll("symbols") String symbol) {
    assertThat(Symbols.isValid(symbol)).isTrue();
    assertThat(Symbols.parseList(symbol.toLowerCase(Locale.ROOT), "s", 1))
        .isEqualTo(List.of(symbol));
  }

  @Provide
  Arbitrary<String> symbols() {
    Arbitrary<String> first = Arbitraries.strings().withCharRange('A', 'Z').numeric().ofLength(1);
    Arbitrary<String> rest =
        Arbitraries.strings().withCharRange('A', 'Z').numeric().withChars('.', '-').ofMaxLength(13);
    return Combinators.combine(Arbitraries.of("", "^"), first, rest)
        .as((caret, f, r) -> caret + f + r);
  }
}
