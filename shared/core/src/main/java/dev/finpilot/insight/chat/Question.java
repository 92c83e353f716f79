package dev.finpilot.insight.chat;

import dev.finpilot.goals.FigureReader;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.insight.PlanSubject;
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

  Question(String text, PlanSubject subject) {
    this.text = text;
    this.figures = new FigureReader(text);
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

  /** The first match of the pattern anywhere in the question. */
  Optional<Matcher> find(Pattern pattern) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m) : Optional.empty();
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

  boolean after(Figure<?> figure, Pattern pattern) {
    return pattern
        .matcher(text)
        .region(figure.end(), Math.min(text.length(), figure.end() + NEAR))
        .find();
  }

  /** The question shortened for a message. */
  String quoted() {
    String trimmed = text.strip();
    return "'" + (trimmed.length() <= 80 ? trimmed : trimmed.substring(0, 80) + "...") + "'";
  }
}
