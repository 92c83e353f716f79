package dev.finpilot.goals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads an emergency fund sized in months of spending: "6 months of expenses", "a 3-month emergency
 * fund", "covering 9 months", "that covers 9 months", "a fund of (for, worth, with) three months".
 * This is a size, not a horizon, so it is read before the horizon reader can mistake it for "within
 * 6 months".
 */
final class ExpenseMonthsReader {
  private static final String COUNT = "(?<count>\\d{1,3}|an?|" + NumberWords.CARDINAL + ")";
  private static final String MONTHS = "(?:months?|mos?)(?:'s?|s')?";

  private static final PhraseMatcher<Integer> MATCHER =
      new PhraseMatcher<>(
          List.of(
              PhraseMatcher.Rule.of(
                  COUNT
                      + "[- ]?"
                      + MONTHS
                      + "\\s+(?:worth\\s+)?(?:of\\s+)?(?:my\\s+|our\\s+)?"
                      + "(?:essential\\s+|living\\s+|monthly\\s+|basic\\s+|household\\s+)?"
                      + "(?:expenses|spending|costs|bills|salary|income|pay)",
                  ExpenseMonthsReader::count),
              PhraseMatcher.Rule.of(
                  COUNT + "[- ]" + MONTHS + "(?=\\s+(?:of\\s+)?emergency)",
                  ExpenseMonthsReader::count),
              PhraseMatcher.Rule.of(
                  "(?:covering|covers?)\\s+" + COUNT + "\\s+" + MONTHS, ExpenseMonthsReader::count),
              // Only the count is consumed: "fund" stays for the goal-word reader that runs next.
              PhraseMatcher.Rule.of(
                  "(?<=\\bfund\\s{1,3}(?:of|for|worth|with)\\s{1,3})" + COUNT + "\\s+" + MONTHS,
                  ExpenseMonthsReader::count)));

  private ExpenseMonthsReader() {}

  static List<Integer> consumeAll(TextMask mask) {
    return MATCHER.consumeAll(mask).stream().map(PhraseMatcher.Hit::value).toList();
  }

  private static Optional<Integer> count(Matcher m, String text) {
    return Optional.of(NumberWords.parse(m.group("count")));
  }
}
