package dev.finpilot.insight.chat;

import dev.finpilot.insight.Change;
import java.util.List;

/**
 * A question as read: what it asks for and its figures, or which figure could not be read. Every
 * figure in {@code change} and {@code stressYear} is quoted from the question in {@code figures};
 * what the reading assumed is said in {@code notes}.
 *
 * @param question the question as asked
 * @param intent what it asks for
 * @param change the what-if to run for {@link Intent#WHAT_IF} and {@link Intent#AFFORD}; null for
 *     the other intents and when a figure could not be read
 * @param stressYear the historical start asked about (1929, 1966, 1973, 2000 or 2008); null for all
 *     of them, or for another intent
 * @param figures every figure used, with the words it was read from
 * @param notes what the reading assumed or left aside, in words
 * @param unread which figure could not be read and how to say it; null when everything needed was
 *     read
 */
public record Inquiry(
    String question,
    Intent intent,
    Change change,
    Integer stressYear,
    List<Quote> figures,
    List<String> notes,
    String unread) {

  public Inquiry {
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
  }

  /** Whether the intent's route can be called with what was read. */
  public boolean answerable() {
    return intent != Intent.UNKNOWN && unread == null;
  }
}
