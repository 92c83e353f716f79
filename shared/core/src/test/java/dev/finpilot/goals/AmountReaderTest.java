package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountReaderTest {

  private static List<AmountReader.Mention> read(String text) {
    return AmountReader.consumeAll(new TextMask(text));
  }

  private static AmountReader.Mention single(String text) {
    List<AmountReader.Mention> mentions = read(text);
    assertThat(mentions).hasSize(1);
    return mentions.get(0);
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$100,000|100000|USD",
        "100,000 dollars|100000|USD",
        "$1.5M|1500000|USD",
        "1.5 million|1500000|",
        "2 million|2000000|",
        "250k|250000|",
        "$2M|2000000|USD",
        "₹20L|2000000|INR",
        "20 lakh|2000000|INR",
        "1.2 crore|12000000|INR",
        "Rs 5,00,000|500000|INR",
        "Rs. 1,20,00,000|12000000|INR",
        "Rs 2,97,77,529|29777529|INR",
        "529,000|529000|",
        "$50k|50000|USD",
        "INR 75,000|75000|INR",
        "5000 rupees|5000|INR",
        "US$ 3.5k|3500|USD",
        "$1,234.56|1234.56|USD",
        "10 grand|10000|",
        "2 bn|2000000000|",
        "a million dollars|1000000|USD",
        "half a million|500000|",
        "a hundred thousand|100000|",
        "two crore|20000000|INR",
        "fifty dollars|50|USD",
        "5000|5000|"
      })
  void readsTheAmount(String text, String value, String currency) {
    AmountReader.Mention mention = single(text);

    assertThat(mention.value()).isEqualByComparingTo(value);
    assertThat(mention.currency())
        .isEqualTo(Optional.ofNullable(currency).map(Currency::getInstance));
    assertThat(mention.role()).isEqualTo(AmountReader.Role.TARGET);
  }

  @Test
  void eachNumberIsScaledOnlyByItsOwnUnit() {
    List<AmountReader.Mention> mentions = read("$100,000 in my mortgage-free home and 5k more");

    assertThat(mentions)
        .extracting(AmountReader.Mention::value)
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(new BigDecimal("100000"), new BigDecimal("5000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"in 10 years", "at 60", "2 kids", "7%", "5months", "1,0000", "abc123"})
  void numbersThatAreNotMoneyAreLeftAlone(String text) {
    assertThat(read(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "$500 a month|MONTHLY|500",
        "$500/month|MONTHLY|500",
        "500 per month|MONTHLY|500",
        "Rs 10,000 pm|MONTHLY|10000",
        "monthly contribution of $750|MONTHLY|750",
        "a monthly SIP of ₹10,000|MONTHLY|10000",
        "$6,000 a year|YEARLY|6000",
        "an annual deposit of $7k|YEARLY|7000",
        "$2,400 annually|YEARLY|2400"
      })
  void readsContributionsAndTheirCadence(String text, String cadence, String value) {
    AmountReader.Mention mention = single(text);

    assertThat(mention.role()).isEqualTo(AmountReader.Role.CONTRIBUTION);
    assertThat(mention.cadence()).isEqualTo(AmountReader.Cadence.valueOf(cadence));
    assertThat(mention.value()).isEqualByComparingTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I have $20k|EXISTING",
        "I've saved $12,000|EXISTING",
        "$15k saved|EXISTING",
        "starting with $5,000|EXISTING",
        "grow it from $10k|EXISTING",
        "I have $30,000 in student loans|TARGET",
        "I make $90k|INCOME",
        "a $120,000 salary|INCOME",
        "I need $5,000 a month|SPENDING",
        "$4k a month in retirement|SPENDING",
        "I want $1M|TARGET"
      })
  void readsWhatTheAmountIsFor(String text, String role) {
    assertThat(single(text).role()).isEqualTo(AmountReader.Role.valueOf(role));
  }

  @Test
  void rangesAreReadAtTheUpperEndAndSaySo() {
    AmountReader.Mention dash = single("$50k-$70k");
    assertThat(dash.value()).isEqualByComparingTo("70000");
    assertThat(dash.notes()).anyMatch(n -> n.contains("upper end"));

    assertThat(single("$50k to 60k").value()).isEqualByComparingTo("60000");
    assertThat(single("between $50k and $60k").phrase()).isEqualTo("between $50k and $60k");
    assertThat(read("from $10k to $50k"))
        .extracting(AmountReader.Mention::role)
        .containsExactly(AmountReader.Role.EXISTING, AmountReader.Role.TARGET);
  }

  @Test
  void anIndianUnitWithADollarSignIsReadInDollarsAndSaysSo() {
    AmountReader.Mention mention = single("$20 lakh");

    assertThat(mention.currency()).contains(Money.USD);
    assertThat(mention.value()).isEqualByComparingTo("2000000");
    assertThat(mention.notes()).anyMatch(n -> n.contains("Indian unit"));
  }

  @Test
  void plainNumbersAreMarkedAsSuch() {
    assertThat(single("5000").bare()).isTrue();
    assertThat(single("$5000").bare()).isFalse();
    assertThat(single("5k").bare()).isFalse();
  }

  @Test
  void consumedTextIsNotReadAgain() {
    TextMask mask = new TextMask("my 401k");
    GoalTypeClassifier.consume(mask);

    assertThat(AmountReader.consumeAll(mask)).isEmpty();
  }
}
