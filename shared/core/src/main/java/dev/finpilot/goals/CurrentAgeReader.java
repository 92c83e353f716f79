package dev.finpilot.goals;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the user's own age ("I'm 35", "I am 42 years old", "35 years old", "my age is 50"), which
 * turns "retire at 60" into a horizon. "when I'm 55" is a target age and left to the horizon
 * reader, as is "my 5-year-old".
 */
final class CurrentAgeReader {
  private static final String AGE = "(?<age>\\d{2,3}|" + NumberWords.CARDINAL + ")";
  private static final String YEARS_OLD = "(?:\\s*(?:years?|yrs?)[- ]?old|\\s*y/?o)";
  private static final String NOT_A_SPAN = "(?!\\s*(?:years?|yrs?|months?|mos?)(?![- ]?old))";
  private static final Pattern TARGET_AGE_CUE =
      Pattern.compile(
          "(?<![\\p{L}])(?:when|once|time|before|until|till|after|by)\\s+$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SOMEONE_ELSE_CUE =
      Pattern.compile("(?:a|an|my|our|his|her|their|the)\\s+$", Pattern.CASE_INSENSITIVE);

  private static final PhraseMatcher<Integer> MATCHER =
      new PhraseMatcher<>(
          List.of(
              PhraseMatcher.Rule.of(
                  "(?:I'm|I\\s+am|I\\s+(?:just\\s+)?turned|my\\s+age\\s+is|I'm\\s+aged|aged)"
                      + "\\s+(?:now\\s+)?"
                      + AGE
                      + YEARS_OLD
                      + "?"
                      + NOT_A_SPAN,
                  CurrentAgeReader::unlessTargetAge),
              PhraseMatcher.Rule.of(AGE + YEARS_OLD, CurrentAgeReader::unlessSomeoneElse)));

  private CurrentAgeReader() {}

  /** Every statement of the user's own age, in order of mention. */
  static List<Integer> consumeAll(TextMask mask) {
    return MATCHER.consumeAll(mask).stream().map(PhraseMatcher.Hit::value).toList();
  }

  private static Optional<Integer> unlessTargetAge(Matcher m, String text) {
    return precededBy(TARGET_AGE_CUE, m, text) ? Optional.empty() : age(m);
  }

  private static Optional<Integer> unlessSomeoneElse(Matcher m, String text) {
    return precededBy(SOMEONE_ELSE_CUE, m, text) ? Optional.empty() : age(m);
  }

  private static boolean precededBy(Pattern cue, Matcher m, String text) {
    return cue.matcher(text.substring(Math.max(0, m.start() - 20), m.start())).find();
  }

  private static Optional<Integer> age(Matcher m) {
    return Optional.of(NumberWords.parse(m.group("age")));
  }
}
