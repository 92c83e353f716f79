package dev.finpilot.insight.chat;

import dev.finpilot.goals.FigureReader;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.insight.PlanSubject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A question being read: its text, the figure reader over it and the version it is about. */
final class Question {
  /** How far from a figure the words that say what it is may be, in characters. */
  static final int NEAR = 40;

  private final String text;
  private final FigureReader figures;
  private final PlanSubject subject;

  Question(String question, PlanSubject subject) {
    this.figures = new FigureReader(question);
    this.text = figures.text();
    this.subject = subject;
  }

  String text() {
    return text;
  }

  FigureReader figures() {
    return figures;
  }

  PlanSubject subject() {
    return subject;
  }

  static Pattern words(String regex) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])(?:" + regex + ")(?![\\p{L}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  boolean has(Pattern pattern) {
    return pattern.matcher(text).find();
  }

  /** Whether the pattern occurs within {@link #NEAR} characters of the figure's words. */
  boolean near(Figure<?> figure, Pattern pattern) {
    return before(figure, pattern) || after(figure, pattern);
  }

  boolean before(Figure<?> figure, Pattern pattern) {
    return pattern.matcher(text).region(Math.max(0, figure.start() - NEAR), figure.start()).find();
  }

  private boolean after(Figure<?> figure, Pattern pattern) {
    return pattern
        .matcher(text)
        .region(figure.end(), Math.min(text.length(), figure.end() + NEAR))
        .find();
  }

  /** Whether an anchored pattern ({@code ^...}) matches the words right after the figure. */
  boolean right(Figure<?> figure, Pattern anchored) {
    return anchored.matcher(text).region(figure.end(), text.length()).lookingAt();
  }

  /** Whether a pattern ending in {@code $} matches the words right before the figure. */
  boolean left(Figure<?> figure, Pattern endAnchored) {
    return endAnchored
        .matcher(text)
        .region(Math.max(0, figure.start() - NEAR), figure.start())
        .find();
  }

  /**
   * Of the figures no topic has used, the one closest to a match of the pattern, when within {@link
   * #NEAR} characters: "inflation 2 points higher and the market falls 30%" pairs each percentage
   * with its own words.
   */
  <T> Optional<Figure<T>> closest(List<Figure<T>> figures, Pattern pattern, Draft d) {
    Figure<T> best = null;
    int bestDistance = NEAR + 1;
    for (Figure<T> f : figures) {
      int distance = distance(f, pattern);
      if (!d.isUsed(f) && distance < bestDistance) {
        best = f;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  private int distance(Figure<?> figure, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    int best = Integer.MAX_VALUE;
    while (m.find()) {
      int gap =
          m.end() <= figure.start()
              ? figure.start() - m.end()
              : Math.max(0, m.start() - figure.end());
      best = Math.min(best, gap);
    }
    return best;
  }

  /** The question shortened for a message. */
  String quoted() {
    String trimmed = text.strip();
    return "'" + (trimmed.length() <= 80 ? trimmed : trimmed.substring(0, 80) + "...") + "'";
  }
}
