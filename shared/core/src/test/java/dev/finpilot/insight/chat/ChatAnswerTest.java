package dev.finpilot.insight.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import dev.finpilot.insight.Change;
import dev.finpilot.insight.Explainer;
import dev.finpilot.insight.Explanation;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.insight.Recommendation;
import dev.finpilot.insight.Recommender;
import dev.finpilot.insight.RiskAnalysis;
import dev.finpilot.insight.RiskReport;
import dev.finpilot.insight.RiskTail;
import dev.finpilot.insight.StressOutcome;
import dev.finpilot.insight.StressReport;
import dev.finpilot.insight.StressTest;
import dev.finpilot.insight.WhatIf;
import dev.finpilot.insight.WhatIfAnswer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Answers are the insight services' own results, and every number the text gives is one of them.
 */
class ChatAnswerTest {
  private static final PlanSubject SUBJECT = ChatSubjects.RETIREMENT;

  private static Inquiry inquiry(Intent intent, Change change, Integer stressYear) {
    return new Inquiry("the question", intent, change, stressYear, List.of(), List.of(), null);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String dollars(double amount) {
    return "$" + String.format(Locale.US, "%,.0f", amount);
  }

  @Test
  void aWhatIfIsTheWhatIfsAnswerAtTheVersionsPathsAndItsTextQuotesIt() {
    Change later = new Change(3, Money.usd(500), null, null, null, null);

    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.WHAT_IF, later, null), SUBJECT);

    WhatIfAnswer direct = WhatIf.answer(SUBJECT, later, SUBJECT.projection().paths());
    assertThat(answer.answered()).isTrue();
    assertThat(answer.result()).isEqualTo(direct);
    assertThat(answer.change()).isEqualTo(later);
    assertThat(answer.text())
        .startsWith("With the goal date 3 years later and $500 more saved a month,")
        .contains(percent(direct.changed().successProbability()))
        .contains(percent(direct.current().successProbability()))
        .contains(dollars(direct.changed().medianWealthAtGoal()))
        .contains("seed " + direct.seed());
  }

  @Test
  void aChangeTheVersionCannotTakeIsSaidWithTheReasonAndNothingIsAnswered() {
    Change tooSoon = new Change(-30, null, null, null, null, null);

    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.WHAT_IF, tooSoon, null), SUBJECT);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.text()).startsWith("Version 1 cannot take the goal date 30 years earlier: ");
  }

  @Test
  void aStressYearIsAnsweredWithThatReplaysNumbers() {
    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.STRESS, null, 2008), SUBJECT);

    StressReport report = StressTest.run(SUBJECT);
    StressOutcome replay =
        report.scenarios().stream()
            .filter(s -> Integer.valueOf(2008).equals(s.startYear()))
            .findFirst()
            .orElseThrow();
    assertThat(answer.result()).isEqualTo(report);
    assertThat(answer.text())
        .startsWith("Replaying the markets from 2008")
        .contains(percent(replay.successProbability()))
        .contains(percent(report.asPlanned().successProbability()))
        .contains(percent(replay.portfolio().depth()))
        .contains(dollars(replay.wealthAtGoalP50()));
  }

  @Test
  void withoutAYearTheHardestStressLeads() {
    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.STRESS, null, null), SUBJECT);

    StressReport report = (StressReport) answer.result();
    StressOutcome hardest =
        report.scenarios().stream()
            .min((a, b) -> Double.compare(a.successProbability(), b.successProbability()))
            .orElseThrow();
    assertThat(answer.text())
        .startsWith("Of the " + report.scenarios().size() + " stresses, the hardest")
        .contains(hardest.description());
  }

  @Test
  void riskQuotesTheOneYearAndHorizonTails() {
    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.RISK, null, null), SUBJECT);

    RiskReport report = RiskAnalysis.analyse(SUBJECT);
    RiskTail year = report.tail(RiskTail.Measure.ONE_YEAR);
    assertThat(answer.result()).isEqualTo(report);
    assertThat(answer.text())
        .contains(dollars(year.valueAtRisk95()))
        .contains(dollars(year.expectedShortfall99()))
        .contains(dollars(report.tail(RiskTail.Measure.HORIZON_AGAINST_TARGET).valueAtRisk95()))
        .contains(percent(report.drawdown().portfolio().p50()));
  }

  @Test
  void anExplanationLeadsWithItsFirstSection() {
    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.EXPLAIN, null, null), SUBJECT);

    Explanation explanation = Explainer.explain(SUBJECT);
    assertThat(answer.result()).isEqualTo(explanation);
    assertThat(answer.text())
        .startsWith(explanation.sections().get(0).title() + ": ")
        .contains(explanation.sections().get(1).title());
  }

  @Test
  void recommendationsNameTheFirstOnesInRankOrder() {
    ChatAnswer answer = ChatAnswerer.answer(inquiry(Intent.RECOMMEND, null, null), SUBJECT);

    List<Recommendation> ranked = Recommender.recommend(SUBJECT);
    assertThat(answer.result()).isEqualTo(ranked);
    assertThat(answer.text()).startsWith("First, " + ranked.get(0).title());
  }

  @Test
  void whatCouldNotBeReadIsTheAnswerAndNothingIsComputed() {
    Inquiry unread =
        new Inquiry(
            "what if I retire soonish?",
            Intent.WHAT_IF,
            null,
            null,
            List.of(),
            List.of(),
            "I could not read the retirement age");

    ChatAnswer answer = ChatAnswerer.answer(unread, SUBJECT);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.result()).isNull();
    assertThat(answer.text()).isEqualTo("I could not read the retirement age");
    assertThat(answer.unread()).isEqualTo(answer.text());
  }

  @Test
  void aQuestionWithNothingToAnswerSaysWhatCanBeAsked() {
    ChatAnswer answer =
        ChatAnswerer.answer(
            new Inquiry("hello", Intent.UNKNOWN, null, null, List.of(), List.of(), null), SUBJECT);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.text()).startsWith("I could not tell what you are asking in \"hello\".");
  }

  @Test
  void theReadingsNotesFollowTheAnswer() {
    Change purchase = new Change(null, null, null, null, Money.usd(-40_000), null);
    Inquiry afford =
        new Inquiry(
            "can I afford a $40k car next year?",
            Intent.AFFORD,
            purchase,
            null,
            List.of(),
            List.of("a purchase next year is taken out today"),
            null);

    ChatAnswer answer = ChatAnswerer.answer(afford, SUBJECT);

    assertThat(answer.text())
        .startsWith("With $40,000 taken out today,")
        .endsWith("(Read as: a purchase next year is taken out today.)");
  }

  @Test
  void aChangeIsDescribedFieldByField() {
    assertThat(ChatAnswerWords.described(Change.none())).isEqualTo("nothing changed");
    assertThat(
            ChatAnswerWords.described(
                new Change(
                    -2,
                    Money.usd(-200),
                    new BigDecimal("0.30"),
                    new BigDecimal("-0.01"),
                    Money.usd(20_000),
                    dev.finpilot.domain.Allocation.of("0.6", "0.4", "0"))))
        .isEqualTo(
            "the goal date 2 years earlier, $200 less saved a month, equities falling 30% next"
                + " year, inflation 1 point a year lower, $20,000 added today and 60% in"
                + " equities for the whole horizon");
  }
}
