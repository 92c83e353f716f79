package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.domain.ValueBasis;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoalConverterTest {
  private static final LocalDate AS_OF = GoalParserTest.AS_OF;
  private static final ParseContext AGED_35 = GoalParserTest.AGED_35;
  private static final ConversionContext EXPENSES_3000 =
      ConversionContext.withEssentialExpenses(Money.usd(3_000));

  private final GoalParser parser = new GoalParser();

  private List<ConvertedGoal> convert(String text, ParseContext parse, ConversionContext conv) {
    return parser.parse(text, parse).toGoals(conv);
  }

  private static List<FieldError> errors(Runnable conversion) {
    try {
      conversion.run();
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void goalsGetPriorityInOrderOfMention() {
    List<ConvertedGoal> goals =
        convert(
            "retire at 60 with $2M and save $50k for a house in 5 years",
            AGED_35,
            ConversionContext.none());

    assertThat(goals).extracting(c -> c.goal().priority()).containsExactly(1, 2);
    Goal retirement = goals.get(0).goal();
    assertThat(retirement.type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(retirement.targetAmount()).isEqualTo(Money.usd(2_000_000));
    assertThat(retirement.targetDate()).isEqualTo(AS_OF.plusYears(25));
    assertThat(retirement.basis()).isEqualTo(ValueBasis.TODAYS_DOLLARS);
    assertThat(retirement.description()).isEqualTo("retire at 60 with $2M");
    assertThat(goals).allSatisfy(c -> assertThat(c.assumptions()).isEmpty());
  }

  @Test
  void anEmergencyFundWithoutAnAmountIsSixMonthsOfEssentialExpensesAndSaysSo() {
    ConvertedGoal fund = convert("build an emergency fund", AGED_35, EXPENSES_3000).get(0);

    assertThat(fund.goal().targetAmount()).isEqualTo(Money.usd(18_000));
    assertThat(fund.goal().targetDate()).isEqualTo(AS_OF.plusMonths(12));
    assertThat(fund.assumptions())
        .containsExactly(
            "emergency fund sized at 6 months of essential expenses: 6 x USD 3000.00 ="
                + " USD 18000.00",
            "no horizon given; emergency fund due in 12 months");
  }

  @Test
  void anEmergencyFundUsesTheStatedNumberOfMonths() {
    ConvertedGoal fund =
        convert("a 3-month emergency fund within 6 months", AGED_35, EXPENSES_3000).get(0);

    assertThat(fund.goal().targetAmount()).isEqualTo(Money.usd(9_000));
    assertThat(fund.goal().targetDate()).isEqualTo(AS_OF.plusMonths(6));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "an emergency fund of three months",
        "an emergency fund of 3 months within 6 months",
        "build an emergency fund for three months",
        "an emergency fund covering three months",
        "an emergency fund worth 3 months"
      })
  void anEmergencyFundSizedAfterTheWordFundUsesThoseMonths(String text) {
    ConvertedGoal fund = convert(text, AGED_35, EXPENSES_3000).get(0);

    assertThat(fund.goal().targetAmount()).isEqualTo(Money.usd(9_000));
    assertThat(fund.assumptions())
        .contains(
            "emergency fund sized at 3 months of essential expenses: 3 x USD 3000.00 ="
                + " USD 9000.00");
  }

  @Test
  void anEmergencyFundWithoutAmountOrExpensesNamesWhatIsMissing() {
    assertThat(errors(() -> convert("build an emergency fund", AGED_35, ConversionContext.none())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("goals[0].targetAmount");
              assertThat(e.message()).contains("monthly essential expenses");
            });
    assertThat(
            errors(
                () ->
                    convert(
                        "build an emergency fund",
                        AGED_35,
                        ConversionContext.withEssentialExpenses(Money.usd(0)))))
        .extracting(FieldError::field)
        .containsExactly("goals[0].targetAmount");
  }

  @Test
  void retiringAtAnAgeWithoutTheUsersAgeNamesTheMissingAge() {
    List<FieldError> errors =
        errors(
            () ->
                convert(
                    "Retire at 60 with $2 million",
                    GoalParserTest.CONTEXT,
                    ConversionContext.none()));

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("goals[0].currentAge");
              assertThat(e.message()).contains("'at 60'").contains("the user's age");
            });
  }

  @Test
  void aTargetAgeThatHasPassedIsAnError() {
    assertThat(errors(() -> convert("retire at 30 with $1M", AGED_35, ConversionContext.none())))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("goals[0].targetDate");
              assertThat(e.message()).contains("must be after the current age 35");
            });
  }

  @Test
  void retirementWithoutAnAgeUsesThePlannedRetirementAge() {
    ConversionContext planned = new ConversionContext(Optional.empty(), OptionalInt.of(67));
    ConvertedGoal goal = convert("retire with $2M", AGED_35, planned).get(0);

    assertThat(goal.goal().targetDate()).isEqualTo(AS_OF.plusYears(32));
    assertThat(goal.assumptions())
        .containsExactly(
            "no retirement age given; used the planned retirement age 67, 32 years away");
  }

  @Test
  void missingPiecesOfEveryGoalAreReportedTogether() {
    List<FieldError> errors =
        errors(
            () ->
                convert(
                    "retire with $2M and save for a house in 5 years and buy a car",
                    AGED_35,
                    ConversionContext.none()));

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "goals[0].targetDate",
            "goals[1].targetAmount",
            "goals[2].targetAmount",
            "goals[2].targetDate");
    assertThat(errors.get(0).message()).contains("no retirement age or horizon");
    assertThat(errors.get(3).message()).contains("'in 5 years', 'by 2035' or 'at 60'");
  }

  @Test
  void goalsThePlanCannotHoldFailTheDomainValidation() {
    List<FieldError> errors =
        errors(
            () ->
                convert("save $1M for retirement in 70 years", AGED_35, ConversionContext.none()));

    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("goals[0].targetDate");
              assertThat(e.message()).contains("50 years");
            });
  }

  @Test
  void aDebtIsANominalAmount() {
    Goal debt =
        convert("pay off $30,000 in student loans in 3 years", AGED_35, ConversionContext.none())
            .get(0)
            .goal();

    assertThat(debt.basis()).isEqualTo(ValueBasis.NOMINAL);
    assertThat(debt.horizonMonths(AS_OF)).isEqualTo(36);
  }

  @Test
  void theFinancialStateSuppliesExpensesAndRetirementAge() {
    FinancialState state =
        new FinancialState(
            35,
            FilingStatus.SINGLE,
            Money.usd(90_000),
            new MonthlyExpenses(Money.usd(3_000), Money.usd(1_000), Money.usd(1_500)),
            List.of(),
            null,
            List.of(),
            0,
            RiskTolerance.MODERATE,
            65,
            null);
    ConversionContext fromState = ConversionContext.from(state);

    assertThat(fromState.monthlyEssentialExpenses()).contains(Money.usd(3_000));
    assertThat(fromState.plannedRetirementAge()).hasValue(65);
  }
}
