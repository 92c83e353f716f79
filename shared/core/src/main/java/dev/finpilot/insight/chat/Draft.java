package dev.finpilot.insight.chat;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.insight.Change;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the topic readers found in one question, collected into an {@link Inquiry}. */
final class Draft {
  Integer goalYears;
  Money monthlySaving;
  BigDecimal marketFall;
  BigDecimal extraInflation;
  Money lumpSum;
  Allocation allocation;
  Integer stressYear;

  /** A stress test was asked for (a crash named or described), with or without a year. */
  boolean stressAsked;

  /** A purchase was asked about ("can I afford ..."). */
  boolean affordAsked;

  /** Words of a change were found ("retire earlier", "higher inflation"), read or not. */
  boolean changeAsked;

  private final List<Quote> quotes = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Set<Integer> used = new HashSet<>();
  private String unread;

  void quote(String figure, Object value, Figure<?> words) {
    quotes.add(new Quote(figure, String.valueOf(value), words.quote(), words.start(), words.end()));
    use(words);
  }

  /**
   * Marks a figure as used by a topic, so no other topic reads it and it is not reported unused.
   */
  void use(Figure<?> figure) {
    used.add(figure.start());
  }

  void quote(String figure, Object value, String words, int start, int end) {
    quotes.add(new Quote(figure, String.valueOf(value), words, start, end));
  }

  boolean isUsed(Figure<?> figure) {
    return used.contains(figure.start());
  }

  void note(String note) {
    notes.add(note);
  }

  /** Records the first figure that could not be read; later ones add nothing to the reply. */
  void cannotRead(String message) {
    changeAsked = true;
    if (unread == null) {
      unread = message;
    }
  }

  void forgetUnread() {
    unread = null;
  }

  boolean changed() {
    return !change().isEmpty();
  }

  Change change() {
    return new Change(goalYears, monthlySaving, marketFall, extraInflation, lumpSum, allocation);
  }

  /** Every figure that was read but used by no topic, so nothing is dropped silently. */
  void notUsed(List<? extends Figure<?>> figures) {
    for (Figure<?> f : figures) {
      if (!isUsed(f)) {
        notes.add("'" + f.quote() + "' was read but is not part of any question I can answer");
      }
    }
  }

  Inquiry inquiry(String question, Intent intent) {
    boolean withChange = intent == Intent.WHAT_IF || intent == Intent.AFFORD;
    String reply = unread;
    Change change = withChange && reply == null ? change() : null;
    if (change != null) {
      List<FieldError> errors = change.validate("change");
      if (!errors.isEmpty()) {
        reply =
            "I read "
                + errors.stream().map(FieldError::message).collect(Collectors.joining("; "))
                + ", which a what-if cannot take";
        change = null;
      }
    }
    return new Inquiry(
        question,
        intent,
        change,
        intent == Intent.STRESS ? stressYear : null,
        quotes,
        notes,
        reply);
  }
}
