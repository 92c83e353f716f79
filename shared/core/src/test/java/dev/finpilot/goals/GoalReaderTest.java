package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GoalReaderTest {
  private static final LocalDate AS_OF = GoalParserTest.AS_OF;

  private final GoalReader reader = new GoalReader(new GoalParser());

  private static FinancialState household(int age) {
    return new FinancialState(
        age,
        FilingStatus.SINGLE,
        Money.usd(90_000),
        new MonthlyExpenses(Money.usd(3_000), Money.usd(1_000), Money.usd(1_500)),
        List.of(),
        null,
        List.of(),
        0,
        RiskTolerance.MODERATE,
        60,
        null);
  }

  @Test
  void aCompleteTextGivesPlanningGoalsWithTheAssumptionsMade() {
    GoalInterpretation reading =
        reader.read(
            "retire at 60 with $2M and build an emergency fund",
            AS_OF,
            OptionalInt.of(35),
            ConversionContext.withEssentialExpenses(Money.usd(3_000)));

    assertThat(reading.hasPlanningGoals()).isTrue();
    assertThat(reading.conversionErrors()).isEmpty();
    assertThat(reading.parsed().goals()).hasSize(2);
    assertThat(reading.planningGoals())
        .extracting(Goal::type)
        .containsExactly(GoalType.RETIREMENT, GoalType.EMERGENCY_FUND);
    assertThat(reading.planningGoals().get(0).targetDate()).isEqualTo(AS_OF.plusYears(25));
    assertThat(reading.assumptions())
        .containsExactly(
            "emergency fund sized at 6 months of essential expenses: 6 x USD 3000.00 ="
                + " USD 18000.00",
            "no horizon given; emergency fund due in 12 months");
  }

  @Test
  void missingPiecesAreNamedInsteadOfPlanningGoals() {
    GoalInterpretation reading =
        reader.read("retire at 60 with $2M", AS_OF, OptionalInt.empty(), ConversionContext.none());

    assertThat(reading.hasPlanningGoals()).isFalse();
    assertThat(reading.planningGoals()).isEmpty();
    assertThat(reading.assumptions()).isEmpty();
    assertThat(reading.conversionErrors())
        .extracting(FieldError::field)
        .containsExactly("goals[0].currentAge");
    assertThat(reading.parsed().goals().get(0).type()).isEqualTo(GoalType.RETIREMENT);
  }

  @Test
  void aHouseholdSuppliesItsAgeExpensesAndRetirementAge() {
    GoalInterpretation reading =
        reader.read("retire with $2M and build an emergency fund", AS_OF, household(40));

    assertThat(reading.hasPlanningGoals()).isTrue();
    assertThat(reading.planningGoals().get(0).targetDate()).isEqualTo(AS_OF.plusYears(20));
    assertThat(reading.planningGoals().get(1).targetAmount()).isEqualTo(Money.usd(18_000));
  }

  @Test
  void anAgeOutsideThePlannersRangeOrNoHouseholdIsLeftUnknown() {
    GoalInterpretation tooYoung = reader.read("retire at 60 with $2M", AS_OF, household(12));
    GoalInterpretation none = reader.read("retire at 60 with $2M", AS_OF, (FinancialState) null);

    for (GoalInterpretation reading : List.of(tooYoung, none)) {
      assertThat(reading.parsed().currentAge()).isEmpty();
      assertThat(reading.conversionErrors())
          .extracting(FieldError::field)
          .contains("goals[0].currentAge");
    }
  }

  @Test
  void textWithoutAGoalIsRefusedAndAnInvalidAgeIsNamed() {
    assertThatThrownBy(
            () -> reader.read("hello there", AS_OF, OptionalInt.empty(), ConversionContext.none()))
        .isInstanceOf(GoalParseException.class)
        .hasMessageContaining("could not find a financial goal");
    assertThatThrownBy(
            () -> reader.read("retire at 60", AS_OF, OptionalInt.of(7), ConversionContext.none()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("currentAge");
  }
}
