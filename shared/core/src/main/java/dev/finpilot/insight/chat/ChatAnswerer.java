package dev.finpilot.insight.chat;

import static dev.finpilot.insight.chat.ChatAnswerWords.basis;
import static dev.finpilot.insight.chat.ChatAnswerWords.described;
import static dev.finpilot.insight.chat.ChatAnswerWords.dollars;
import static dev.finpilot.insight.chat.ChatAnswerWords.percent;
import static dev.finpilot.insight.chat.ChatAnswerWords.points;
import static dev.finpilot.insight.chat.ChatAnswerWords.years;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
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
import dev.finpilot.insight.WhatIfOutcome;
import dev.finpilot.verification.Finding;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Answers a question read by {@link QuestionReader} by calling the insight service its intent names
 * (what-if, stress tests, risk analytics, explanation, recommendations) on the version asked about,
 * and writes the answer in words from that service's result alone: every number in the text is one
 * of the result's, so none is made up. A question that could not be read is answered with what
 * could not be read, and nothing is computed. Deterministic, like the services.
 */
public final class ChatAnswerer {
  /** How many recommendations the answer names; the result carries them all. */
  static final int RECOMMENDATIONS_NAMED = 3;

  private ChatAnswerer() {}

  public static ChatAnswer answer(Inquiry inquiry, PlanSubject subject) {
    Objects.requireNonNull(inquiry, "inquiry");
    Objects.requireNonNull(subject, "subject");
    if (!inquiry.answerable()) {
      return unanswered(
          inquiry, inquiry.unread() != null ? inquiry.unread() : notUnderstood(inquiry));
    }
    return switch (inquiry.intent()) {
      case WHAT_IF, AFFORD -> whatIf(inquiry, subject);
      case STRESS -> stress(inquiry, subject);
      case RISK -> risk(inquiry, subject);
      case EXPLAIN -> explain(inquiry, subject);
      case RECOMMEND -> recommend(inquiry, subject);
      case UNKNOWN -> unanswered(inquiry, notUnderstood(inquiry));
    };
  }

  private static ChatAnswer whatIf(Inquiry inquiry, PlanSubject subject) {
    Change change = inquiry.change();
    WhatIfAnswer a;
    try {
      a = WhatIf.answer(subject, change, subject.projection().paths());
    } catch (ValidationException e) {
      return unanswered(
          inquiry,
          "Version "
              + subject.version()
              + " cannot take "
              + described(change)
              + ": "
              + e.errors().stream().map(FieldError::message).collect(Collectors.joining("; ")));
    }
    WhatIfOutcome now = a.current();
    WhatIfOutcome then = a.changed();
    StringBuilder text = new StringBuilder();
    text.append("With ")
        .append(described(change))
        .append(", the chance of reaching ")
        .append(dollars(subject.projection().targetAmount()))
        .append(" by ")
        .append(then.goalDate())
        .append(" would be ")
        .append(percent(then.successProbability()))
        .append(" (")
        .append(points(a.delta().successProbability()))
        .append(") against ")
        .append(percent(now.successProbability()))
        .append(" as planned for ")
        .append(now.goalDate())
        .append("; the median wealth at the goal date ")
        .append(dollars(then.medianWealthAtGoal()))
        .append(" against ")
        .append(dollars(now.medianWealthAtGoal()))
        .append(' ')
        .append(basis(subject.projection().reportBasis()))
        .append(". Both sides are the same ")
        .append(String.format(Locale.US, "%,d", a.paths()))
        .append(" simulated paths (seed ")
        .append(a.seed())
        .append("), so the difference comes from the change alone.");
    findings(text, " It would add the finding", a.findingsAdded());
    findings(text, " It would clear the finding", a.findingsRemoved());
    return answered(inquiry, text.toString(), a);
  }

  private static void findings(StringBuilder text, String lead, List<Finding> findings) {
    if (!findings.isEmpty()) {
      text.append(lead)
          .append(findings.size() == 1 ? " " : "s ")
          .append(findings.stream().map(f -> f.code().name()).collect(Collectors.joining(", ")))
          .append('.');
    }
  }

  private static ChatAnswer stress(Inquiry inquiry, PlanSubject subject) {
    StressReport report = StressTest.run(subject);
    StringBuilder text = new StringBuilder();
    if (inquiry.stressYear() != null) {
      StressOutcome o =
          report.scenarios().stream()
              .filter(s -> inquiry.stressYear().equals(s.startYear()))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no replay of " + inquiry.stressYear()));
      text.append("Replaying the markets from ")
          .append(o.startYear())
          .append(" (")
          .append(o.description())
          .append(") on version ")
          .append(report.version())
          .append(": ");
      outcome(text, o, report);
      text.append(" The first ")
          .append(years(o.historicalYears()))
          .append(" are history from the data set, the rest simulated with the version's seed.");
    } else {
      StressOutcome worst =
          report.scenarios().stream()
              .min(Comparator.comparingDouble(StressOutcome::successProbability))
              .orElseThrow();
      text.append("Of the ")
          .append(report.scenarios().size())
          .append(" stresses, the hardest on version ")
          .append(report.version())
          .append(" is ")
          .append(worst.description())
          .append(": ");
      outcome(text, worst, report);
      text.append(" By stress: ")
          .append(
              report.scenarios().stream()
                  .map(s -> s.description() + " " + percent(s.successProbability()))
                  .collect(Collectors.joining("; ")))
          .append('.');
    }
    return answered(inquiry, text.toString(), report);
  }

  private static void outcome(StringBuilder text, StressOutcome o, StressReport report) {
    text.append("the chance of reaching the target would be ")
        .append(percent(o.successProbability()))
        .append(" against ")
        .append(percent(report.asPlanned().successProbability()))
        .append(" as planned; the portfolio would fall ")
        .append(percent(o.portfolio().depth()))
        .append(" from its peak at worst")
        .append(
            o.portfolio().recoveryYears() == null
                ? " and not be back at that peak within the horizon"
                : " and be back at that peak " + years(o.portfolio().recoveryYears()) + " later")
        .append("; the median wealth at the goal date would be ")
        .append(dollars(o.wealthAtGoalP50()))
        .append(" against a target of ")
        .append(dollars(report.targetAmount()))
        .append(" in today's dollars; ")
        .append(
            o.depletion().runsOut()
                ? "the money would run out in "
                    + o.depletion().calendarYear()
                    + ", at age "
                    + o.depletion().age()
                : "the money would last")
        .append('.');
  }

  private static ChatAnswer risk(Inquiry inquiry, PlanSubject subject) {
    RiskReport report = RiskAnalysis.analyse(subject);
    RiskTail year = report.tail(RiskTail.Measure.ONE_YEAR);
    RiskTail horizon = report.tail(RiskTail.Measure.HORIZON_AGAINST_TARGET);
    String text =
        "Over the next year, in the worst 5% of version "
            + report.version()
            + "'s "
            + String.format(Locale.US, "%,d", report.paths())
            + " simulated paths the plan loses at least "
            + dollars(year.valueAtRisk95())
            + " (on average "
            + dollars(year.expectedShortfall95())
            + " in those paths); in the worst 1%, at least "
            + dollars(year.valueAtRisk99())
            + " (on average "
            + dollars(year.expectedShortfall99())
            + "). At the goal date, the worst 5% fall short of the target by at least "
            + dollars(horizon.valueAtRisk95())
            + ". Half the paths see the portfolio fall "
            + percent(report.drawdown().portfolio().p50())
            + " or more from a peak at some point, one in twenty "
            + percent(report.drawdown().portfolio().p95())
            + " or more. Amounts "
            + basis(report.basis())
            + ".";
    return answered(inquiry, text, report);
  }

  private static ChatAnswer explain(Inquiry inquiry, PlanSubject subject) {
    Explanation explanation = Explainer.explain(subject);
    Explanation.Section first = explanation.sections().get(0);
    String text =
        first.title()
            + ": "
            + String.join(" ", first.paragraphs())
            + " The explanation goes on with: "
            + explanation.sections().stream()
                .skip(1)
                .map(Explanation.Section::title)
                .collect(Collectors.joining("; "))
            + ".";
    return answered(inquiry, text, explanation);
  }

  private static ChatAnswer recommend(Inquiry inquiry, PlanSubject subject) {
    List<Recommendation> ranked = Recommender.recommend(subject);
    String text =
        ranked.isEmpty()
            ? "Version " + subject.version() + " leaves nothing to recommend."
            : "First, "
                + ranked.stream()
                    .limit(RECOMMENDATIONS_NAMED)
                    .map(r -> r.title() + " (" + r.rule() + ")")
                    .collect(Collectors.joining("; then, "))
                + (ranked.size() > RECOMMENDATIONS_NAMED
                    ? "; " + (ranked.size() - RECOMMENDATIONS_NAMED) + " more follow."
                    : ".");
    return answered(inquiry, text, ranked);
  }

  private static String notUnderstood(Inquiry inquiry) {
    return "I could not tell what you are asking in \""
        + inquiry.question()
        + "\". I can answer what-ifs (\"what if I retire at 62?\", \"save $500 more a month\","
        + " \"a 30% market fall next year\", \"inflation 2 points higher\", \"a $20k"
        + " inheritance\", \"60% in stocks\"), purchases (\"can I afford a $40k car next year?\"),"
        + " how a crash such as 2008 would hit the plan, its risk, why the plan is what it is,"
        + " and what to do next.";
  }

  private static ChatAnswer answered(Inquiry inquiry, String text, Object result) {
    return reply(inquiry, text, null, result);
  }

  private static ChatAnswer unanswered(Inquiry inquiry, String text) {
    return reply(inquiry, text, inquiry.unread(), null);
  }

  private static ChatAnswer reply(Inquiry inquiry, String text, String unread, Object result) {
    return new ChatAnswer(
        inquiry.question(),
        inquiry.intent(),
        withNotes(text, inquiry.notes()),
        inquiry.change(),
        inquiry.stressYear(),
        inquiry.figures(),
        inquiry.notes(),
        unread,
        result);
  }

  private static String withNotes(String text, List<String> notes) {
    return notes.isEmpty() ? text : text + " (Read as: " + String.join("; ", notes) + ".)";
  }
}
