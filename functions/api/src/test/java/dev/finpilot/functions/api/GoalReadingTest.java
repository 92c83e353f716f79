package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.goals.ConversionContext;
import dev.finpilot.goals.GoalParser;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class GoalReadingTest {
  private static final GoalParser PARSER = new GoalParser();
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  @Test
  void missingPiecesAreNamedAfterTheBodyFieldAndNoPlanningGoalsAreGiven() {
    GoalReading.Interpretation reading =
        GoalReading.read(
            PARSER,
            "retire at 60 with $2M",
            "goalText",
            TODAY,
            OptionalInt.empty(),
            ConversionContext.none());

    assertThat(reading.goals()).hasSize(1);
    assertThat(reading.currentAge()).isNull();
    assertThat(reading.planningGoals()).isNull();
    assertThat(reading.assumptions()).isEmpty();
    assertThat(reading.conversionErrors())
        .extracting(FieldError::field)
        .containsExactly("goalText: goals[0].currentAge");
  }

  @Test
  void aCompleteReadingHasPlanningGoalsAndNoErrors() {
    GoalReading.Interpretation reading =
        GoalReading.read(
            PARSER,
            "I'm 40 and want a 6 month emergency fund, moderate risk",
            "text",
            TODAY,
            OptionalInt.empty(),
            ConversionContext.withEssentialExpenses(Money.usd(2_000)));

    assertThat(reading.currentAge()).isEqualTo(40);
    assertThat(reading.riskTolerance()).isEqualTo("MODERATE");
    assertThat(reading.planningGoals()).hasSize(1);
    assertThat(reading.assumptions()).isNotEmpty();
    assertThat(reading.conversionErrors()).isNull();
  }

  @Test
  void textWithoutAGoalIsAProblemOnTheField() {
    assertThatThrownBy(() -> GoalReading.read(PARSER, "hello there", "goalText", TODAY, null))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.UNREADABLE_GOAL);
              assertThat(e.errors()).extracting(FieldError::field).containsExactly("goalText");
            });
  }
}
