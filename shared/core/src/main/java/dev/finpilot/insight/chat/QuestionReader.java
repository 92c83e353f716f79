package dev.finpilot.insight.chat;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.goals.FigureReader.Amount;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.FigureReader.Percent;
import dev.finpilot.goals.Horizon;
import dev.finpilot.insight.PlanSubject;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a question about a plan version in plain words ("what if I retire at 62?", "can I afford a
 * $40k car next year?", "why is my plan conservative?", "how bad would a 2008 be for me?") with the
 * goal parser's readers: rule-based, no language model, the same question about the same version
 * always read the same way. Every figure is quoted from the question or computed from the version,
 * and a figure that cannot be read is named instead of guessed. docs/insight.md section 6.
 */
public final class QuestionReader {
  /** Longer questions are refused rather than read: a question is a sentence or two. */
  public static final int MAX_QUESTION_LENGTH = 500;

  private static final Pattern WHY =
      Pattern.compile(
          "^\\s*(?:why|explain|how\\s+come|what\\s+(?:does|did)\\s+(?:my|the|this)\\s+plan)"
              + "(?![\\p{L}])|(?<![\\p{L}])(?:explain|why\\s+(?:is|does|did|was|this|my|the))"
              + "(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RECOMMEND =
      Question.words(
          "what\\s+should\\s+(?:i|we)\\s+do|next\\s+steps?|recommend\\w*|advice|advise|suggest\\w*"
              + "|how\\s+(?:can|could|do)\\s+(?:i|we)\\s+(?:improve|do\\s+better|get\\s+there)"
              + "|what\\s+(?:can|could)\\s+(?:i|we)\\s+do|priorit\\w*|where\\s+should\\s+.{0,20}go");
  private static final Pattern RISK =
      Question.words(
          "risk\\w*|value\\s+at\\s+risk|var|expected\\s+shortfall|drawdowns?|volatil\\w*"
              + "|how\\s+much\\s+(?:could|can|might|would)\\s+(?:i|we)\\s+lose|sharpe|sortino"
              + "|safe|concentrat\\w*|sequence");
  private static final Pattern WHAT_IF =
      Question.words("what\\s+if|suppose|imagine|what\\s+happens|would\\s+happen|if\\s+(?:i|we)");

  private QuestionReader() {}

  public static Inquiry read(String question, PlanSubject subject) {
    Objects.requireNonNull(subject, "subject");
    if (question == null || question.isBlank()) {
      throw new ValidationException(List.of(new FieldError("question", "must not be empty")));
    }
    if (question.length() > MAX_QUESTION_LENGTH) {
      throw new ValidationException(
          List.of(
              new FieldError(
                  "question",
                  "has "
                      + question.length()
                      + " characters; at most "
                      + MAX_QUESTION_LENGTH
                      + " are read")));
    }
    Question q = new Question(question, subject);
    Draft d = new Draft();
    d.affordAsked = q.has(LumpSumReading.AFFORD);
    StressReading.read(q, d);
    AllocationReading.readSplit(q, d);
    List<Figure<Percent>> percents = q.figures().percents();
    AllocationReading.readShare(q, percents, d);
    InflationReading.read(q, percents, d);
    MarketFallReading.read(q, percents, d);
    List<Figure<Horizon>> horizons = q.figures().horizons();
    GoalDateReading.read(q, horizons, d);
    List<Figure<Amount>> amounts = q.figures().amounts();
    SavingReading.read(q, amounts, d);
    LumpSumReading.read(q, amounts, horizons, d);
    d.notUsed(percents);
    d.notUsed(horizons);
    d.notUsed(amounts);
    return d.inquiry(question, intent(q, d));
  }

  /**
   * A purchase first, then a change read (or asked for and not read), a crash, a "why", a request
   * for advice, a question about risk, and a bare "what if" last.
   */
  private static Intent intent(Question q, Draft d) {
    if (d.affordAsked && (d.lumpSum != null || !d.changed())) {
      return Intent.AFFORD;
    }
    boolean why = q.has(WHY);
    if (d.changed() || d.changeAsked && !why) {
      return Intent.WHAT_IF;
    }
    if (d.stressAsked) {
      d.forgetUnread();
      return Intent.STRESS;
    }
    d.forgetUnread();
    if (why) {
      return Intent.EXPLAIN;
    }
    if (q.has(RECOMMEND)) {
      return Intent.RECOMMEND;
    }
    if (q.has(RISK)) {
      return Intent.RISK;
    }
    if (q.has(WHAT_IF)) {
      d.cannotRead(
          "I could not read what to change in "
              + q.quoted()
              + "; I can try: retire at 62, retire 3 years later, save $500 more a month,"
              + " the market falls 30% next year, inflation 2 points higher, a $20k inheritance,"
              + " 60/40");
      return Intent.WHAT_IF;
    }
    d.cannotRead(
        "I could not tell what "
            + q.quoted()
            + " asks; I can answer what-ifs (what if I retire at 62?), purchases (can I afford a"
            + " $40k car next year?), crashes (how bad would a 2008 be?), risk (how risky is my"
            + " plan?), why the plan is as it is, and what to do next");
    return Intent.UNKNOWN;
  }
}
