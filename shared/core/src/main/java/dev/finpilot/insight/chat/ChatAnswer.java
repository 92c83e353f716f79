package dev.finpilot.insight.chat;

import dev.finpilot.insight.Change;
import java.util.List;

/**
 * The answer to a question in plain words: what was asked and read, the answer in words with its
 * numbers, and the insight service's result those numbers were taken from, so each can be checked.
 * When a figure could not be read, or nothing answerable was asked, {@code text} says so and how to
 * ask, and nothing was computed.
 *
 * @param question the question as asked
 * @param intent what it asks for
 * @param text the answer in words, every number in it taken from {@code result}
 * @param change the what-if run for {@link Intent#WHAT_IF} and {@link Intent#AFFORD}; else null
 * @param stressYear the historical start asked about; null for all of them or another intent
 * @param figures every figure read from the question, with its words
 * @param notes what the reading assumed or left aside
 * @param unread which figure could not be read and how to say it; null when everything was read
 * @param result the service's answer as is: a {@code WhatIfAnswer} (WHAT_IF, AFFORD), {@code
 *     StressReport} (STRESS), {@code RiskReport} (RISK), {@code Explanation} (EXPLAIN) or the
 *     ranked list of {@code Recommendation}s (RECOMMEND); null when nothing was answered
 */
public record ChatAnswer(
    String question,
    Intent intent,
    String text,
    Change change,
    Integer stressYear,
    List<Quote> figures,
    List<String> notes,
    String unread,
    Object result) {

  public ChatAnswer {
    figures = List.copyOf(figures);
    notes = List.copyOf(notes);
  }

  /** Whether a service was called: false when the question could not be answered as asked. */
  public boolean answered() {
    return result != null;
  }
}
