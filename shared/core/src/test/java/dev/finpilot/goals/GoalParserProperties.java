package dev.finpilot.goals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GoalParserProperties {
  private static final LocalDate AS_OF = GoalParserTest.AS_OF;
  private final GoalParser parser = new GoalParser();

  private ParsedGoal only(String text, ParseContext context) {
    List<ParsedGoal> goals = parser.parse(text, context).goals();
    assertThat(goals).hasSize(1);
    return goals.get(0);
  }

  @Property(tries = 300)
  void anyDollarAmountRoundTripsExactly(
      @ForAll @LongRange(min = 1, max = 999_999_999_999L) long dollars,
      @ForAll @IntRange(min = 0, max = 99) int cents,
      @ForAll boolean grouped) {
    String whole = grouped ? String.format("%,d", dollars) : Long.toString(dollars);
    String text = "save $" + whole + String.format(".%02d", cents) + " for a car in 5 years";

    BigDecimal expected = BigDecimal.valueOf(dollars * 100 + cents, 2);
    assertThat(only(text, GoalParserTest.CONTEXT).targetAmount()).contains(Money.usd(expected));
  }

  @Property(tries = 300)
  void anyRupeeAmountInIndianGroupingRoundTripsExactly(
      @ForAll @LongRange(min = 1_000, max = 99_999_999_999L) long rupees) {
    String text = "Rs " + indianGrouping(rupees) + " for a wedding by 2030";

    assertThat(only(text, GoalParserTest.CONTEXT).targetAmount())
        .contains(Money.of(BigDecimal.valueOf(rupees), Money.INR));
  }

  @Property(tries = 300)
  void thousandsWrittenWithKAreExact(@ForAll @IntRange(min = 1, max = 999_999) int thousands) {
    // "401k" names the retirement account, so it is never read as $401,000 (see TextMask).
    Assume.that(thousands != 401);
    assertThat(only("save " + thousands + "k for a boat", GoalParserTest.CONTEXT).targetAmount())
        .contains(Money.usd((long) thousands * 1_000));
  }

  @Property
  void yearsAheadBecomeTheTargetDate(@ForAll @IntRange(min = 1, max = 50) int years) {
    ParsedGoal goal = only("save $10,000 for a car in " + years + " years", GoalParserTest.CONTEXT);

    assertThat(goal.targetDate()).contains(AS_OF.plusYears(years));
    assertThat(goal.horizonMonths(AS_OF)).hasValue(years * 12L);
  }

  @Property(tries = 300)
  void aRetirementAgeIsCountedFromTheCurrentAge(
      @ForAll @IntRange(min = 18, max = 99) int age, @ForAll @IntRange(min = 1, max = 50) int gap) {
    Assume.that(age + gap <= 100);
    ParsedGoal goal =
        only("retire at " + (age + gap) + " with $1M", GoalParserTest.CONTEXT.withCurrentAge(age));

    assertThat(goal.horizonMonths(AS_OF)).hasValue(gap * 12L);
  }

  @Property
  void anyTextParsesWithBoundedConfidenceOrRaisesTheDocumentedError(@ForAll String text) {
    checkBoundedAndDeterministic(text);
  }

  @Property
  void goalLikeTextParsesWithBoundedConfidenceOrRaisesTheDocumentedError(
      @ForAll("goalLike") String text) {
    checkBoundedAndDeterministic(text);
  }

  private void checkBoundedAndDeterministic(String text) {
    ParseResult result;
    try {
      result = parser.parse(text, GoalParserTest.AGED_35);
    } catch (GoalParseException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(result.goals()).isNotEmpty();
    assertThat(result.confidence()).isBetween(0.0, 1.0);
    assertThat(result.goals()).allSatisfy(g -> assertThat(g.confidence()).isBetween(0.0, 1.0));
    assertThat(result.goals())
        .allSatisfy(g -> g.targetAmount().ifPresent(a -> assertThat(a.isNegative()).isFalse()));
    assertThat(parser.parse(text, GoalParserTest.AGED_35)).isEqualTo(result);
  }

  @Provide
  Arbitrary<String> goalLike() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "I want to",
            "save",
            "invest",
            "retire",
            "retirement",
            "at",
            "60",
            "sixty",
            "in",
            "10",
            "years",
            "months",
            "by",
            "2035",
            "age",
            "when I'm",
            "I'm",
            "35",
            "and",
            "also",
            ",",
            ".",
            "$100,000",
            "$1.5M",
            "250k",
            "₹20L",
            "20 lakh",
            "1.2 crore",
            "Rs 5,00,000",
            "a million",
            "$500 a month",
            "monthly SIP of",
            "per year",
            "I have",
            "saved",
            "house",
            "down payment",
            "college",
            "529",
            "401k",
            "emergency fund",
            "6 months of expenses",
            "pay off",
            "student loans",
            "credit card",
            "car",
            "wedding",
            "safe",
            "aggressive",
            "not",
            "too",
            "risky",
            "moderate",
            "between",
            "to",
            "-",
            "from",
            "I make",
            "need",
            "hello",
            "asdf",
            "0",
            "999",
            "1,0000",
            "$",
            "Rs.",
            "by the end of",
            "June",
            "%",
            "k",
            "m",
            "l",
            "cr");
    return tokens.list().ofMinSize(1).ofMaxSize(25).map(words -> String.join(" ", words));
  }

  private static String indianGrouping(long n) {
    String digits = Long.toString(n);
    String lastThree = digits.substring(digits.length() - 3);
    StringBuilder head = new StringBuilder(digits.substring(0, digits.length() - 3));
    for (int i = head.length() - 2; i > 0; i -= 2) {
      head.insert(i, ',');
    }
    return head.length() == 0 ? lastThree : head + "," + lastThree;
  }
}
