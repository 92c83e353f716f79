package dev.finpilot.insight.chat;

/**
 * One figure read from a question and the words it was read from, so every number in an answer can
 * be traced back to what the owner wrote.
 *
 * @param figure what the figure is: a {@link dev.finpilot.insight.Change} field name ("goalYears",
 *     "monthlySaving", "marketFall", "extraInflation", "lumpSum", "allocation") or "stressYear"
 * @param value the value read, in words ("-3", "USD 500.00", "0.30")
 * @param words the words of the question it was read from
 * @param start where those words start in the question
 * @param end where they end (exclusive)
 */
public record Quote(String figure, String value, String words, int start, int end) {}
