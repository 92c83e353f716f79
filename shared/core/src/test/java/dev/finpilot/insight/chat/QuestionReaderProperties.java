package dev.finpilot.insight.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.ValidationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever is asked, the reader answers with quotes of the question itself, or a field error. */
class QuestionReaderProperties {

  @Property(seed = "20261207")
  void anyTextIsReadOrRefusedWithAFieldError(@ForAll String text) {
    check(text);
  }

  @Property(tries = 500, seed = "20261207")
  void questionLikeTextQuotesOnlyItsOwnWordsAndNeverAnInvalidChange(
      @ForAll("questionLike") String text) {
    check(text);
  }

  private static void check(String text) {
    Inquiry inquiry;
    try {
      inquiry = QuestionReader.read(text, ChatSubjects.RETIREMENT);
    } catch (ValidationException e) {
      assertThat(text == null || text.isBlank() || text.length() > 500).isTrue();
      return;
    }
    for (Quote q : inquiry.figures()) {
      assertThat(text.substring(q.start(), q.end())).isEqualTo(q.words());
    }
    if (inquiry.change() != null) {
      assertThat(inquiry.change().validate("change")).isEmpty();
      assertThat(inquiry.unread()).isNull();
    }
    assertThat(inquiry.answerable()).isEqualTo(inquiry.unread() == null);
    assertThat(QuestionReader.read(text, ChatSubjects.RETIREMENT)).isEqualTo(inquiry);
  }

  @Provide
  Arbitrary<String> questionLike() {
    Arbitrary<String> tokens =
        Arbitraries.of(
            "what if",
            "I",
            "retire",
            "at",
            "62",
            "sixty",
            "3 years",
            "earlier",
            "later",
            "save",
            "$500",
            "250k",
            "more",
            "less",
            "a month",
            "a year",
            "the market",
            "falls",
            "30%",
            "120%",
            "2 points",
            "inflation",
            "higher",
            "at 5%",
            "60/40",
            "in stocks",
            "bonds",
            "afford",
            "a car",
            "$40k",
            "next year",
            "in 2040",
            "2008",
            "crash",
            "why",
            "risk",
            "what should I do",
            "inheritance",
            "take out",
            "₹20L",
            "?",
            "and");
    return tokens.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join(" ", l));
  }
}
