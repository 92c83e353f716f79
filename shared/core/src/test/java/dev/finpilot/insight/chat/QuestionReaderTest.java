package dev.finpilot.insight.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.insight.Change;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Questions as owners ask them, read against a retirement version of the typical household: 35 on
 * 2026-01-05, retiring at 65 on 2056-01-05, today holding 59.5% large caps, 10.5% small caps, 18%
 * Treasuries and 12% corporate bonds.
 */
class QuestionReaderTest {

  private static Inquiry read(String question) {
    return QuestionReader.read(question, ChatSubjects.RETIREMENT);
  }

  /** Each figure as {@code figure=value@words}, in the order read. */
  private static String figures(Inquiry inquiry) {
    return inquiry.figures().stream()
        .map(f -> f.figure() + "=" + f.value() + "@" + f.words())
        .collect(Collectors.joining("; "));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          what if I retire at 62?                      | WHAT_IF   | goalYears=-3@at 62
          can I afford a $40k car next year?           | AFFORD    | lumpSum=USD -40000.00@$40k
          why is my plan conservative?                 | EXPLAIN   | ''
          how bad would a 2008 be for me?              | STRESS    | stressYear=2008@2008
          What if I retire 3 years earlier?            | WHAT_IF   | goalYears=-3@3 years earlier
          what if I retire two years later             | WHAT_IF   | goalYears=2@two years later
          what if I work two more years                | WHAT_IF   | goalYears=2@work two more years
          what if I delay retirement by a year         | WHAT_IF   | goalYears=1@delay retirement by a year
          what if I retire at sixty-seven              | WHAT_IF   | goalYears=2@at sixty-seven
          what if I retire in 2050                     | WHAT_IF   | goalYears=-6@in 2050
          what if I retire in 10 years                 | WHAT_IF   | goalYears=-20@in 10 years
          what if I save $500 more a month?            | WHAT_IF   | monthlySaving=USD 500.00@$500
          what if I save $200 less                     | WHAT_IF   | monthlySaving=USD -200.00@$200
          what if I put away an extra $300 per month   | WHAT_IF   | monthlySaving=USD 300.00@$300 per month
          what if I cut my savings by $2,400 a year    | WHAT_IF   | monthlySaving=USD -200.00@$2,400 a year
          what if the market falls 30% next year?      | WHAT_IF   | marketFall=0.30@30%
          what if stocks drop by twenty-five percent   | WHAT_IF   | marketFall=0.25@twenty-five percent
          what if inflation is 2 points higher?        | WHAT_IF   | extraInflation=0.02@2 points
          what if I get a $20k inheritance?            | WHAT_IF   | lumpSum=USD 20000.00@$20k
          what if I take out $10,000 for a wedding     | WHAT_IF   | lumpSum=USD -10000.00@$10,000
          what about a 60/40 portfolio?                | WHAT_IF   | allocation=US_LARGE_CAP 51%, US_SMALL_CAP 9%, TREASURY_BOND 24%, CORPORATE_BOND 16%@60/40
          what if I put 60% in stocks                  | WHAT_IF   | allocation=US_LARGE_CAP 51%, US_SMALL_CAP 9%, TREASURY_BOND 24%, CORPORATE_BOND 16%@60% in stocks
          what if I go 70/20/10                        | WHAT_IF   | allocation=US_LARGE_CAP 59.5%, US_SMALL_CAP 10.5%, TREASURY_BOND 12%, CORPORATE_BOND 8%, CASH 10%@70/20/10
          how would the financial crisis hit me?       | STRESS    | stressYear=2008@financial crisis
          what about the dot-com crash                 | STRESS    | stressYear=2000@dot-com
          could I survive another great depression?    | STRESS    | stressYear=1929@great depression
          what if there is stagflation                 | STRESS    | stressYear=1966@stagflation
          would a 1973 sink my plan?                   | STRESS    | stressYear=1973@1973
          what if the market crashes?                  | STRESS    | ''
          run a stress test                            | STRESS    | ''
          how risky is my plan?                        | RISK      | ''
          how much could I lose in a bad year?         | RISK      | ''
          what's my value at risk?                     | RISK      | ''
          what should I do next?                       | RECOMMEND | ''
          any advice on how to improve my plan?        | RECOMMEND | ''
          why this strategy?                           | EXPLAIN   | ''
          explain my plan                              | EXPLAIN   | ''
          what if I retire at 62 and save $500 more a month | WHAT_IF | goalYears=-3@at 62; monthlySaving=USD 500.00@$500
          what if inflation is 2 points higher and the market falls 30%? | WHAT_IF | extraInflation=0.02@2 points; marketFall=0.30@30%
          what if I put 60% in stocks and the market drops 25%? | WHAT_IF | allocation=US_LARGE_CAP 51%, US_SMALL_CAP 9%, TREASURY_BOND 24%, CORPORATE_BOND 16%@60% in stocks; marketFall=0.25@25%
          what if inflation rises by 1%                | WHAT_IF   | extraInflation=0.01@1%
          can I afford a $300k house in 5 years?       | AFFORD    | lumpSum=USD -300000.00@$300k
          what if I buy the house 2 years later?       | WHAT_IF   | goalYears=2@2 years later
          hello there                                  | UNKNOWN   | ''
          """)
  void readsTheIntentAndEveryFigureFromTheQuestionsOwnWords(
      String question, Intent intent, String figures) {
    Inquiry inquiry = read(question);

    assertThat(inquiry.intent()).isEqualTo(intent);
    assertThat(figures(inquiry)).isEqualTo(figures);
    inquiry
        .figures()
        .forEach(f -> assertThat(question.substring(f.start(), f.end())).isEqualTo(f.words()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          what if I retire at sixtyish                 | WHAT_IF  | I could not read the retirement age
          what if I retire earlier?                    | WHAT_IF  | I could not read how many years earlier or later
          what if inflation is higher?                 | WHAT_IF  | I could not read how much inflation changes
          what if I save more?                         | WHAT_IF  | I could not read how much more or less to save
          what if I save $1,000 a month                | WHAT_IF  | is more or less than the plan saves now ($1,750.46 a month)
          can I afford a car?                          | AFFORD   | I could not read the price
          what if I earn $10k more a year              | WHAT_IF  | a change of income
          what if I win ₹20L                           | WHAT_IF  | is in INR and the plan is in USD
          what about $5,000?                           | WHAT_IF  | comes into the portfolio or goes out
          what if inflation is half a point lower      | WHAT_IF  | I could not read how much inflation changes
          what if the market falls 120%?               | WHAT_IF  | must be above 0% and below 100%
          what if I retire at 30                       | WHAT_IF  | would put the goal date at 2021-01-05
          what if I retire in 2.5 years                | WHAT_IF  | moves the goal by whole years
          what if I retire 31 years later              | WHAT_IF  | must be between -30 and 30
          what if I want a more aggressive allocation  | WHAT_IF  | I could not read the share in stocks
          what if it rains                             | WHAT_IF  | I could not read what to change
          hello there                                  | UNKNOWN  | I could not tell what 'hello there' asks
          """)
  void saysWhichFigureItCouldNotReadInsteadOfGuessing(
      String question, Intent intent, String message) {
    Inquiry inquiry = read(question);

    assertThat(inquiry.intent()).isEqualTo(intent);
    assertThat(inquiry.change()).isNull();
    assertThat(inquiry.answerable()).isFalse();
    assertThat(inquiry.unread()).contains(message);
  }

  @Test
  void theFourQuestionsOfTheIssueBecomeTheCallsThatAnswerThem() {
    assertThat(read("what if I retire at 62?").change())
        .isEqualTo(new Change(-3, null, null, null, null, null));
    assertThat(read("can I afford a $40k car next year?").change())
        .isEqualTo(new Change(null, null, null, null, Money.usd(-40_000), null));
    assertThat(read("why is my plan conservative?").intent().route())
        .isEqualTo("GET /v1/plans/{planId}/versions/{version}/explanation");
    Inquiry crash = read("how bad would a 2008 be for me?");
    assertThat(crash.stressYear()).isEqualTo(2008);
    assertThat(crash.intent().route())
        .isEqualTo("GET /v1/plans/{planId}/versions/{version}/stress-tests");
    assertThat(crash.answerable()).isTrue();
  }

  @Test
  void retiringAtAnAgeIsCountedFromTheAgeOnTheVersionsGoalDateAndSaysSo() {
    assertThat(read("what if I retire at 62?").notes())
        .containsExactly(
            "the version's goal date 2056-01-05 is at age 65 (age 35 on 2026-01-05 plus 30 whole"
                + " years), so retiring at 62 moves it by -3 years");
  }

  @Test
  void anAgeToRetireAtIsRefusedForAVersionWhoseGoalIsNotRetirement() {
    Inquiry inquiry = QuestionReader.read("what if I retire at 62?", ChatSubjects.HOUSE);

    assertThat(inquiry.change()).isNull();
    assertThat(inquiry.unread())
        .isEqualTo(
            "'at 62' is an age to retire at, but this version's goal is a house on 2031-01-05;"
                + " ask to reach it N years earlier or later instead");
  }

  @Test
  void inflationAsALevelIsMeasuredAgainstTheVersionsOwnAssumption() {
    double assumed = ChatSubjects.RETIREMENT.snapshot().assumptions().inflation().arithmeticMean();
    Inquiry inquiry = read("what if inflation runs at 5%?");

    BigDecimal expected =
        new BigDecimal("0.05")
            .subtract(BigDecimal.valueOf(assumed).setScale(4, java.math.RoundingMode.HALF_EVEN));
    assertThat(inquiry.change().extraInflation()).isEqualByComparingTo(expected);
    assertThat(expected).isEqualByComparingTo("0.0189");
    assertThat(inquiry.notes())
        .containsExactly(
            "inflation at 5% is 1.89 points a year above the version's assumption of 3.11%"
                + " (sample moments of damodaran-2026-01 1928-2025)");
  }

  @Test
  void aStockShareKeepsTheVersionsOwnSplitWithinStocksAndWithinTheRest() {
    var weights = read("what if I put 60% in stocks").change().allocation().weights();

    // Today 59.5/10.5 within stocks (85/15) and 18/12 within the rest (60/40).
    assertThat(weights.get(AssetClass.US_LARGE_CAP)).isEqualByComparingTo("0.51");
    assertThat(weights.get(AssetClass.US_SMALL_CAP)).isEqualByComparingTo("0.09");
    assertThat(weights.get(AssetClass.TREASURY_BOND)).isEqualByComparingTo("0.24");
    assertThat(weights.get(AssetClass.CORPORATE_BOND)).isEqualByComparingTo("0.16");
  }

  @Test
  void aPurchaseLaterIsModelledAsPaidTodayAndSaysSoPlainly() {
    assertThat(read("can I afford a $300k house in 5 years?").notes())
        .contains(
            "the purchase 'in 5 years' is modelled as paid today, the only timing a what-if"
                + " takes: this overstates its cost, as the money would have grown until then");
    assertThat(read("can I afford a $40k car next year?").notes())
        .containsExactly(
            "the purchase is modelled as paid today, which is near enough for the date asked");
  }

  @Test
  void aFigureNoTopicUsesIsReportedNotDropped() {
    Inquiry inquiry = read("what if I save $500 more a month for 10 years");

    assertThat(inquiry.change().monthlySaving()).isEqualTo(Money.usd(500));
    assertThat(inquiry.notes())
        .contains("'for 10 years' was read but is not part of any question I can answer");
  }

  @Test
  void emptyAndOverlongQuestionsAreRefusedWithTheField() {
    assertThatThrownBy(() -> read("  "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("question");
    assertThatThrownBy(() -> read("why ".repeat(200)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most " + QuestionReader.MAX_QUESTION_LENGTH);
  }

  @Test
  void anInquirySerialisesAsPlainFieldsAndReadsBack() {
    Inquiry inquiry = read("can I afford a $40k car next year?");
    String json = JsonMapping.write(inquiry);

    assertThat(JsonMapping.readTree(json).get("intent").asText()).isEqualTo("AFFORD");
    assertThat(JsonMapping.readTree(json).get("figures").get(0).get("words").asText())
        .isEqualTo("$40k");
    assertThat(JsonMapping.read(json, Inquiry.class)).isEqualTo(inquiry);
  }

  @Test
  void typographicQuotesKeepThePositionsOfTheQuestionAsAsked() {
    String question = "what if I’m retiring at 62?";
    Quote quote = read(question).figures().get(0);

    assertThat(question.substring(quote.start(), quote.end())).isEqualTo("at 62");
  }

  @Test
  void theSameQuestionIsAlwaysReadTheSameWay() {
    String q = "what if I retire at 62 and the market falls 30% next year?";
    assertThat(read(q)).isEqualTo(read(q));
    assertThat(read(q).change())
        .isEqualTo(new Change(-3, null, new BigDecimal("0.30"), null, null, null));
  }
}
