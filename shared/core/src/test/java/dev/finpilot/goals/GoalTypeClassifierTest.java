package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.GoalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoalTypeClassifierTest {

  private static GoalTypeClassifier.Reading classify(String text) {
    return GoalTypeClassifier.consume(new TextMask(text)).orElseThrow();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "retire early|RETIREMENT",
        "max out my Roth IRA|RETIREMENT",
        "grow my 401(k)|RETIREMENT",
        "a nest egg|RETIREMENT",
        "an emergency fund|EMERGENCY_FUND",
        "a rainy day fund|EMERGENCY_FUND",
        "a safety net|EMERGENCY_FUND",
        "buy a house|HOME_PURCHASE",
        "our first home|HOME_PURCHASE",
        "a down payment|HOME_PURCHASE",
        "a condo|HOME_PURCHASE",
        "an apartment|HOME_PURCHASE",
        "college for my son|EDUCATION",
        "university tuition|EDUCATION",
        "fund a 529 plan|EDUCATION",
        "my kids' education|EDUCATION",
        "pay off my mortgage|DEBT_PAYOFF",
        "pay it off|DEBT_PAYOFF",
        "student loans|DEBT_PAYOFF",
        "credit card debt|DEBT_PAYOFF",
        "become debt-free|DEBT_PAYOFF",
        "a home loan|DEBT_PAYOFF",
        "invest for growth|GENERAL_INVESTING",
        "grow my wealth|GENERAL_INVESTING",
        "save up|SAVINGS",
        "buy a car|SAVINGS",
        "our wedding|SAVINGS",
        "a vacation to Japan|SAVINGS",
        "home renovation|SAVINGS",
        "save for retirement|RETIREMENT",
        "invest for a house|HOME_PURCHASE",
        "save for a car|SAVINGS"
      })
  void classifies(String text, GoalType type) {
    assertThat(classify(text).type()).isEqualTo(type);
  }

  @Test
  void genericWordsAreMarkedAsSuch() {
    assertThat(classify("save money").specific()).isFalse();
    assertThat(classify("save for college").specific()).isTrue();
    assertThat(classify("save for a car").strength())
        .isEqualTo(GoalTypeClassifier.Strength.SAVINGS_OBJECT);
  }

  @Test
  void theFirstSpecificWordWinsAndTheOthersAreListed() {
    GoalTypeClassifier.Reading reading = classify("a house near a good college");

    assertThat(reading.type()).isEqualTo(GoalType.HOME_PURCHASE);
    assertThat(reading.cue()).isEqualTo("house");
    assertThat(reading.others()).containsExactly(GoalType.EDUCATION);
  }

  @Test
  void aPayoffVerbDecidesWhateverIsPaidOff() {
    GoalTypeClassifier.Reading reading = classify("pay off the house");

    assertThat(reading.type()).isEqualTo(GoalType.DEBT_PAYOFF);
    assertThat(reading.others()).isEmpty();
  }

  @Test
  void wordsInsideOtherWordsDoNotCount() {
    assertThat(GoalTypeClassifier.consume(new TextMask("miracle hirearchy homer cart"))).isEmpty();
  }

  @Test
  void accountNumbersInsideAmountsDoNotCount() {
    assertThat(GoalTypeClassifier.consume(new TextMask("2,97,77,529 or 529,000 or 1.401k")))
        .isEmpty();
  }
}
