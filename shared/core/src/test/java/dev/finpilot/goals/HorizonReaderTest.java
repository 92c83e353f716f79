package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HorizonReaderTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 1, 15);

  private static Horizon single(String text) {
    List<Horizon> horizons = HorizonReader.consumeAll(new TextMask(text));
    assertThat(horizons).hasSize(1);
    return horizons.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "in 10 years|P10Y",
        "in 5 yrs|P5Y",
        "within 18 months|P18M",
        "over the next 3 years|P3Y",
        "for 2 years|P2Y",
        "in a year|P1Y",
        "in five years|P5Y",
        "in twenty-five years|P25Y",
        "in 2.5 years|P30M",
        "in 6 mos|P6M",
        "7 years from now|P7Y",
        "a 10-year plan|P10Y"
      })
  void readsSpansOfTime(String text, String period) {
    Horizon horizon = single(text);

    assertThat(horizon).isInstanceOf(Horizon.Within.class);
    assertThat(((Horizon.Within) horizon).period()).isEqualTo(Period.parse(period));
    assertThat(horizon.resolve(AS_OF, OptionalInt.empty()))
        .contains(AS_OF.plus(Period.parse(period)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "by 2035|2035-01-01",
        "in 2030|2030-01-01",
        "before 2040|2040-01-01",
        "by the end of 2030|2030-12-31",
        "end of 2030|2030-12-31",
        "by June 2030|2030-06-01",
        "by the end of February 2028|2028-02-29",
        "by sept 2027|2027-09-01"
      })
  void readsCalendarDates(String text, String date) {
    Horizon horizon = single(text);

    assertThat(horizon).isInstanceOf(Horizon.ByDate.class);
    assertThat(horizon.resolve(AS_OF, OptionalInt.empty())).contains(LocalDate.parse(date));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "retire at 60|60",
        "by age 65|65",
        "at the age of 58|58",
        "when I'm 55|55",
        "when I turn 50|50",
        "by the time I am 45|45",
        "retirement age 67|67",
        "retire at sixty|60"
      })
  void readsAges(String text, int age) {
    Horizon horizon = single(text);

    assertThat(horizon).isInstanceOf(Horizon.AtAge.class);
    assertThat(((Horizon.AtAge) horizon).age()).isEqualTo(age);
    assertThat(horizon.resolve(AS_OF, OptionalInt.empty())).isEmpty();
    assertThat(horizon.resolve(AS_OF, OptionalInt.of(age - 20))).contains(AS_OF.plusYears(20));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2035", "$60,000", "at 7%", "at 5 percent", "at 60,000", "10 years old", "by 60k"})
  void leavesOtherNumbersAlone(String text) {
    assertThat(HorizonReader.consumeAll(new TextMask(text))).isEmpty();
  }

  @Test
  void keepsEveryHorizonInOrderOfMention() {
    assertThat(HorizonReader.consumeAll(new TextMask("in 5 years or by 2040")))
        .extracting(Horizon::phrase)
        .containsExactly("in 5 years", "by 2040");
  }
}
