package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The cases the issue names, each read end to end. */
class GoalParserTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 1, 15);
  static final ParseContext CONTEXT = ParseContext.asOf(AS_OF);
  static final ParseContext AGED_35 = CONTEXT.withCurrentAge(35);

  private final GoalParser parser = new GoalParser();

  private ParsedGoal only(String text, ParseContext context) {
    ParseResult result = parser.parse(text, context);
    assertThat(result.goals()).hasSize(1);
    return result.goals().get(0);
  }

  private static Money inr(long rupees) {
    return Money.of(BigDecimal.valueOf(rupees), Money.INR);
  }

  @Test
  void retirementSavingsIsOneHundredThousandNotOneHundredBillion() {
    ParsedGoal goal = only("I want to save $100,000 for retirement in 10 years", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(goal.targetAmount()).contains(Money.usd(100_000));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(120);
    assertThat(goal.targetDate()).contains(LocalDate.of(2035, 1, 15));
    assertThat(goal.confidence()).isEqualTo(1.0);
    assertThat(goal.unparsed()).isEmpty();
    assertThat(goal.warnings()).isEmpty();
  }

  @Test
  void retireAtAnAgeTakesTheHorizonFromTheUsersAge() {
    ParsedGoal goal = only("Retire at 60 with $2 million", AGED_35);

    assertThat(goal.type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(goal.targetAmount()).contains(Money.usd(2_000_000));
    assertThat(goal.horizon()).contains(new Horizon.AtAge(60, "at 60"));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(25 * 12);
  }

  @Test
  void retireAtAnAgeWithoutTheUsersAgeKeepsTheAgeAndSaysWhatIsMissing() {
    ParsedGoal goal = only("Retire at 60 with $2 million", CONTEXT);

    assertThat(goal.horizon()).contains(new Horizon.AtAge(60, "at 60"));
    assertThat(goal.targetDate()).isEmpty();
    assertThat(goal.warnings()).anyMatch(w -> w.contains("needs the user's current age"));
    assertThat(goal.confidence()).isLessThan(1.0);
  }

  @Test
  void theAgeStatedInTheTextIsUsed() {
    ParseResult result = parser.parse("I'm 35 and I want to retire at 60 with $2 million", CONTEXT);

    assertThat(result.currentAge()).hasValue(35);
    assertThat(result.goals()).hasSize(1);
    assertThat(result.goals().get(0).horizonMonths(AS_OF)).hasValue(300);
  }

  @Test
  void rupeesInLakhs() {
    ParsedGoal goal = only("Save ₹20L in 3 years", CONTEXT);

    assertThat(goal.targetAmount()).contains(inr(2_000_000));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(36);
    assertThat(goal.type()).isEqualTo(GoalType.SAVINGS);
  }

  @Test
  void rupeesInCrores() {
    assertThat(only("1.2 crore", CONTEXT).targetAmount()).contains(inr(12_000_000));
  }

  @Test
  void thousandsWithK() {
    assertThat(only("250k", CONTEXT).targetAmount()).contains(Money.usd(250_000));
  }

  @Test
  void millionsWithM() {
    assertThat(only("$1.5M", CONTEXT).targetAmount()).contains(Money.usd(1_500_000));
  }

  @Test
  void houseDownPaymentIsAHomePurchase() {
    ParsedGoal goal = only("save $50,000 for a house down payment in 5 years", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.HOME_PURCHASE);
    assertThat(goal.targetAmount()).contains(Money.usd(50_000));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(60);
  }

  @Test
  void studentLoansAreDebtPayoff() {
    ParsedGoal goal = only("pay off $30,000 in student loans in 3 years", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.DEBT_PAYOFF);
    assertThat(goal.targetAmount()).contains(Money.usd(30_000));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(36);
  }

  @Test
  void anEmergencyFundWithoutAnAmountIsLeftForConversion() {
    ParsedGoal goal = only("build an emergency fund", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.EMERGENCY_FUND);
    assertThat(goal.targetAmount()).isEmpty();
    assertThat(goal.horizon()).isEmpty();
    assertThat(goal.warnings())
        .anyMatch(w -> w.contains("6 months of essential expenses"))
        .anyMatch(w -> w.contains("due in 12 months"));
  }

  @Test
  void twoGoalsInOneSentenceEachKeepTheirOwnAmountAndHorizon() {
    ParseResult result =
        parser.parse("retire at 60 with $2M and save $50k for a house in 5 years", AGED_35);

    assertThat(result.goals()).hasSize(2);
    ParsedGoal retirement = result.goals().get(0);
    ParsedGoal house = result.goals().get(1);
    assertThat(retirement.type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(retirement.targetAmount()).contains(Money.usd(2_000_000));
    assertThat(retirement.horizonMonths(AS_OF)).hasValue(300);
    assertThat(house.type()).isEqualTo(GoalType.HOME_PURCHASE);
    assertThat(house.targetAmount()).contains(Money.usd(50_000));
    assertThat(house.horizonMonths(AS_OF)).hasValue(60);
    assertThat(result.confidence()).isEqualTo(1.0);
  }

  @Test
  void oneGoalDescribedAcrossJoinedPhrasesStaysOneGoal() {
    ParseResult result =
        parser.parse("pay off $30,000 in student loans and credit card debt, in 3 years", CONTEXT);

    assertThat(result.goals()).hasSize(1);
    assertThat(result.goals().get(0).type()).isEqualTo(GoalType.DEBT_PAYOFF);
    assertThat(result.goals().get(0).horizonMonths(AS_OF)).hasValue(36);
  }

  @Test
  void aSecondAmountStartsASecondGoalOfTheSameType() {
    ParseResult result =
        parser.parse("save $20k for a car and $10k for a vacation in 2 years", CONTEXT);

    assertThat(result.goals())
        .extracting(g -> g.targetAmount().orElseThrow())
        .containsExactly(Money.usd(20_000), Money.usd(10_000));
    assertThat(result.goals().get(0).horizon()).isEmpty();
    assertThat(result.goals().get(1).horizonMonths(AS_OF)).hasValue(24);
  }

  @Test
  void riskWordsPointingDifferentWaysGiveTheMostCautious() {
    ParsedGoal goal =
        only(
            "five hundred thousand dollars for retirement by 2050, moderate to aggressive",
            CONTEXT);

    assertThat(goal.targetAmount()).contains(Money.usd(500_000));
    assertThat(goal.riskTolerance()).contains(RiskTolerance.MODERATE);
    assertThat(goal.warnings()).anyMatch(w -> w.contains("most cautious"));
  }

  @Test
  void severalSentencesWithTheirOwnGoals() {
    ParseResult result =
        parser.parse(
            "I am 30 years old. I'd like to buy a $400,000 home in 4 years; I can save $2,000 a"
                + " month. Then build a 3-month emergency fund.",
            CONTEXT);

    assertThat(result.currentAge()).hasValue(30);
    assertThat(result.goals())
        .extracting(ParsedGoal::type)
        .containsExactly(GoalType.HOME_PURCHASE, GoalType.EMERGENCY_FUND);
    ParsedGoal home = result.goals().get(0);
    assertThat(home.monthlyContribution()).contains(Money.usd(2_000));
    assertThat(result.goals().get(1).monthsOfExpenses()).hasValue(3);
  }

  @Test
  void riskWordsAreRead() {
    assertThat(only("save $10k for a car, low risk", CONTEXT).riskTolerance())
        .contains(RiskTolerance.CONSERVATIVE);
    assertThat(only("invest $50k for retirement in 20 years, balanced", CONTEXT).riskTolerance())
        .contains(RiskTolerance.MODERATE);
    assertThat(only("grow $100k aggressively for retirement in 20 years", CONTEXT).riskTolerance())
        .contains(RiskTolerance.AGGRESSIVE);
  }

  @Test
  void aRiskWordAppliesToGoalsWithoutTheirOwnWhenTheTextAgrees() {
    ParseResult result =
        parser.parse("retire at 60 with $2M and save $50k for a house in 5 years, safely", AGED_35);

    assertThat(result.riskTolerance()).contains(RiskTolerance.CONSERVATIVE);
    assertThat(result.goals())
        .allSatisfy(g -> assertThat(g.riskTolerance()).contains(RiskTolerance.CONSERVATIVE));
  }

  @Test
  void differingRiskWordsStayWithTheirOwnGoals() {
    ParseResult result =
        parser.parse(
            "retire at 55 aggressively with $3M and buy a $500k house in 5 years, safely", AGED_35);

    assertThat(result.riskTolerance()).isEmpty();
    assertThat(result.goals())
        .extracting(g -> g.riskTolerance().orElseThrow())
        .containsExactly(RiskTolerance.AGGRESSIVE, RiskTolerance.CONSERVATIVE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "an emergency fund of three months",
        "an emergency fund of 3 months",
        "an emergency fund for three months",
        "an emergency fund for 3 months of expenses",
        "an emergency fund worth three months",
        "an emergency fund worth 3 months",
        "an emergency fund covering three months",
        "an emergency fund covering 3 months",
        "an emergency fund that covers three months",
        "an emergency fund that covers 3 months",
        "an emergency fund with three months",
        "an emergency fund with 3 months",
        "an emergency fund of three months within 6 months"
      })
  void anEmergencyFundSizedAfterTheWordFundReadsThatCountNotTheDefault(String text) {
    ParsedGoal goal = only(text, CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.EMERGENCY_FUND);
    assertThat(goal.monthsOfExpenses()).hasValue(3);
    assertThat(goal.warnings()).noneMatch(w -> w.contains("6 months"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "keep six months of expenses in cash",
        "keep 6 months of expenses in cash",
        "hold six months of spending as a cash reserve",
        "build a cash reserve of six months of expenses",
        "six months of expenses set aside in cash"
      })
  void monthsOfExpensesKeptInCashAreAnEmergencyFund(String text) {
    ParsedGoal goal = only(text, CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.EMERGENCY_FUND);
    assertThat(goal.monthsOfExpenses()).hasValue(6);
  }

  @Test
  void payingInCashForSomethingIsNotAnEmergencyFund() {
    assertThat(only("buy a $30k car in cash in 3 years", CONTEXT).type())
        .isEqualTo(GoalType.SAVINGS);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\t"})
  void emptyTextIsAnError(String text) {
    assertThatThrownBy(() -> parser.parse(text, CONTEXT))
        .isInstanceOf(GoalParseException.class)
        .hasMessageContaining("empty")
        .hasMessageContaining("looked for a goal word");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello there", "asdf qwerty", "in 10 years", "!!!", "I'm 35"})
  void textWithoutAGoalIsAnErrorSayingWhatWasLookedFor(String text) {
    assertThatThrownBy(() -> parser.parse(text, CONTEXT))
        .isInstanceOf(GoalParseException.class)
        .hasMessageContaining("could not find a financial goal")
        .hasMessageContaining("looked for a goal word")
        .hasMessageContaining("an amount");
  }

  @Test
  void overlongTextIsRefused() {
    String text = "save $1 ".repeat(GoalParser.MAX_TEXT_LENGTH);
    assertThatThrownBy(() -> parser.parse(text, CONTEXT))
        .isInstanceOf(GoalParseException.class)
        .hasMessageContaining("at most " + GoalParser.MAX_TEXT_LENGTH);
  }

  @Test
  void anAmountWithoutAHorizonLowersConfidenceAndSaysSo() {
    ParsedGoal withHorizon = only("save $50,000 for a house in 5 years", CONTEXT);
    ParsedGoal without = only("save $50,000 for a house", CONTEXT);

    assertThat(without.confidence()).isLessThan(withHorizon.confidence());
    assertThat(without.warnings()).anyMatch(w -> w.startsWith("no horizon"));
  }

  @Test
  void aHorizonWithoutAnAmountLowersConfidenceAndSaysSo() {
    ParsedGoal goal = only("save for a house in 5 years", CONTEXT);

    assertThat(goal.confidence()).isLessThan(1.0);
    assertThat(goal.warnings()).anyMatch(w -> w.startsWith("no target amount"));
  }

  @Test
  void wordsItCouldNotReadAreReportedAndLowerConfidence() {
    ParseResult result =
        parser.parse("save $100,000 for my mom's medical bills in 2 years", CONTEXT);

    assertThat(result.unparsed()).containsExactly("mom's medical bills");
    assertThat(result.confidence()).isLessThan(0.9);
  }

  @Test
  void aGoalWithoutAGoalWordIsSavingsAndSaysSo() {
    ParsedGoal goal = only("I want a million dollars by 2040", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.SAVINGS);
    assertThat(goal.targetAmount()).contains(Money.usd(1_000_000));
    assertThat(goal.targetDate()).contains(LocalDate.of(2040, 1, 1));
    assertThat(goal.warnings()).anyMatch(w -> w.startsWith("no goal word"));
    assertThat(goal.confidence()).isLessThanOrEqualTo(0.7);
  }

  @Test
  void monthlyContributionIsRead() {
    ParsedGoal goal = only("I'm saving $500 a month for a house worth $60k in 5 years", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.HOME_PURCHASE);
    assertThat(goal.monthlyContribution()).contains(Money.usd(500));
    assertThat(goal.targetAmount()).contains(Money.usd(60_000));
  }

  @Test
  void aContributionBeforeTheGoalJoinsTheGoal() {
    ParseResult result =
        parser.parse("I'm saving $500 a month and want to retire at 60 with $2M", AGED_35);

    assertThat(result.goals()).hasSize(1);
    assertThat(result.goals().get(0).type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(result.goals().get(0).monthlyContribution()).contains(Money.usd(500));
  }

  @Test
  void aYearlyContributionIsSpreadOverTwelveMonths() {
    ParsedGoal goal = only("save $6,000 a year for a vacation by June 2027", CONTEXT);

    assertThat(goal.monthlyContribution()).contains(Money.usd(500));
    assertThat(goal.targetDate()).contains(LocalDate.of(2027, 6, 1));
    assertThat(goal.warnings()).anyMatch(w -> w.contains("yearly"));
  }

  @Test
  void moneyAlreadySavedIsNotTheTarget() {
    ParsedGoal goal =
        only("I have $20k saved and want a $60k down payment within 18 months", CONTEXT);

    assertThat(goal.currentSavings()).contains(Money.usd(20_000));
    assertThat(goal.targetAmount()).contains(Money.usd(60_000));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(18);
  }

  @Test
  void aDebtBalanceTheUserHasIsTheAmountToPayOff() {
    ParsedGoal goal = only("I have $30,000 in student loans, pay them off in 3 years", CONTEXT);

    assertThat(goal.type()).isEqualTo(GoalType.DEBT_PAYOFF);
    assertThat(goal.targetAmount()).contains(Money.usd(30_000));
    assertThat(goal.currentSavings()).isEmpty();
    assertThat(goal.unparsed()).isEmpty();
  }

  @Test
  void incomeAndRetirementSpendingAreNotedButNotUsedAsAmounts() {
    ParsedGoal goal =
        only("I make $120k a year and need $5,000 a month in retirement at 62", AGED_35);

    assertThat(goal.type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(goal.targetAmount()).isEmpty();
    assertThat(goal.monthlyContribution()).isEmpty();
    assertThat(goal.warnings())
        .anyMatch(w -> w.contains("'$120k a year' as income"))
        .anyMatch(w -> w.contains("'$5,000 a month' as spending"));
  }

  @Test
  void retirementAccountNamesAreNotAmounts() {
    ParsedGoal goal = only("I have $100k in my 401(k) and want to retire when I'm 55", AGED_35);

    assertThat(goal.type()).isEqualTo(GoalType.RETIREMENT);
    assertThat(goal.currentSavings()).contains(Money.usd(100_000));
    assertThat(goal.targetAmount()).isEmpty();
    assertThat(goal.horizonMonths(AS_OF)).hasValue(240);
  }

  @Test
  void unmarkedAmountsFollowTheCurrencyOfTheOthers() {
    ParseResult result =
        parser.parse("Save ₹20L for a flat in 3 years and 500k for a car by 2027", CONTEXT);

    assertThat(result.goals())
        .extracting(g -> g.targetAmount().orElseThrow())
        .containsExactly(inr(2_000_000), inr(500_000));
    assertThat(result.goals().get(1).warnings())
        .anyMatch(w -> w.contains("the currency of the other amounts"));
  }

  @Test
  void unmarkedAmountsUseTheDefaultCurrency() {
    ParsedGoal goal = only("save 250k for a car", CONTEXT.withDefaultCurrency(Money.INR));
    assertThat(goal.targetAmount()).contains(inr(250_000));

    ParsedGoal usd = only("250k for a boat", CONTEXT);
    assertThat(usd.targetAmount()).contains(Money.usd(250_000));
    assertThat(usd.warnings()).anyMatch(w -> w.contains("no currency; read as USD"));
  }

  @Test
  void aRangeIsReadAtItsUpperEnd() {
    ParsedGoal goal = only("between $50k and $60k for a house by the end of 2028", CONTEXT);

    assertThat(goal.targetAmount()).contains(Money.usd(60_000));
    assertThat(goal.targetDate()).contains(LocalDate.of(2028, 12, 31));
    assertThat(goal.unparsed()).isEmpty();
    assertThat(goal.warnings()).anyMatch(w -> w.contains("upper end"));
  }

  @Test
  void spelledOutNumbersAreRead() {
    ParseResult result =
        parser.parse(
            "I'm thirty-five and want to retire at sixty with two million dollars", CONTEXT);

    assertThat(result.currentAge()).hasValue(35);
    ParsedGoal goal = result.goals().get(0);
    assertThat(goal.targetAmount()).contains(Money.usd(2_000_000));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(300);
  }

  @Test
  void unusableHorizonsAreKeptWithAWarning() {
    assertThat(only("save $10k for a car by 2020", CONTEXT).warnings())
        .anyMatch(w -> w.contains("is not after 2025-01-15"));
    assertThat(only("save $1M for retirement in 70 years", CONTEXT).warnings())
        .anyMatch(w -> w.contains("more than 50 years"));
    ParsedGoal tooYoung = only("retire at 30 with $1M", AGED_35);
    assertThat(tooYoung.targetDate()).isEmpty();
    assertThat(tooYoung.warnings()).anyMatch(w -> w.contains("must be after the current age 35"));
  }

  @Test
  void statedAgesAreCheckedAgainstEachOtherAndTheContext() {
    ParseResult conflict = parser.parse("I'm 40. I am 45. Retire at 60 with $1M", AGED_35);
    assertThat(conflict.currentAge()).hasValue(40);
    assertThat(conflict.warnings())
        .anyMatch(w -> w.contains("more than one age"))
        .anyMatch(w -> w.contains("the context says 35"));
    assertThat(conflict.confidence()).isLessThan(1.0);

    ParseResult tooYoung = parser.parse("I'm 12 and want to save $1,000 for a bike", CONTEXT);
    assertThat(tooYoung.currentAge()).isEqualTo(OptionalInt.empty());
    assertThat(tooYoung.warnings()).anyMatch(w -> w.contains("ignored the stated age 12"));
  }

  @Test
  void allWarningsNamesTheGoalEachBelongsTo() {
    ParseResult result =
        parser.parse("I'm 40. Retire at 60 with $1M. Build an emergency fund", AGED_35);

    assertThat(result.allWarnings()).first().asString().contains("the context says 35");
    assertThat(result.allWarnings()).anyMatch(w -> w.startsWith("goal 2: no amount"));
  }

  @Test
  void theSameTextGivesTheSameResult() {
    String text = "retire at 60 with $2M and save $50k for a house in 5 years, moderate risk";
    assertThat(parser.parse(text, AGED_35)).isEqualTo(parser.parse(text, AGED_35));
  }

  @Test
  void typographicQuotesAreRead() {
    ParseResult result = parser.parse("I\u2019m 35 and want to retire at 60 with $2M", CONTEXT);
    assertThat(result.currentAge()).hasValue(35);
  }
}
