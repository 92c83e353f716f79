package dev.finpilot.insight.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a stress test: one of the historical starts the stress tests replay ("2008", "a 1929"), a
 * crash named after one ("the financial crisis", "dot-com"), or a crash in general ("a crash", "the
 * worst case"). Read first, so "2008" is a year and never $2,008.
 */
final class StressReading {
  private static final Pattern YEAR =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}$₹.,])(?<year>1929|1966|1973|2000|2008)(?![\\p{N}]|\\s*(?:k\\b|dollars"
              + "|bucks|more|less|extra|a\\s+month|a\\s+year|per|/|,\\d))",
          Pattern.CASE_INSENSITIVE);

  /**
   * Named crashes and the start the stress tests replay for each. Stagflation is the 1966 start:
   * the retirement that began before a decade and a half of rising inflation, the worst start for a
   * 4% withdrawal in the data (docs/projection.md); 1973 is the oil-shock bear market itself.
   */
  private static final Map<Pattern, Integer> NAMED = new LinkedHashMap<>();

  static {
    NAMED.put(
        Question.words(
            "great\\s+depression|the\\s+depression|crash\\s+of\\s+(?:19)?29|wall\\s+street\\s+crash"),
        1929);
    NAMED.put(Question.words("stagflation|the\\s+(?:19)?60s|the\\s+sixties"), 1966);
    NAMED.put(
        Question.words("oil\\s+(?:crisis|shock|embargo)|the\\s+(?:19)?70s|the\\s+seventies"), 1973);
    NAMED.put(Question.words("dot[- ]?com|tech\\s+bubble|internet\\s+bubble"), 2000);
    NAMED.put(
        Question.words(
            "(?:global\\s+)?financial\\s+crisis|great\\s+recession|gfc|subprime|housing\\s+crash"
                + "|lehman"),
        2008);
  }

  private static final Pattern CRASH =
      Question.words(
          "stress[- ]?tests?|worst[- ]case|crash\\w*|bear\\s+market|recession|depression"
              + "|downturn|market\\s+(?:turmoil|meltdown|collapse)|bad\\s+(?:market|times)"
              + "|historical\\s+(?:crisis|crises|scenarios?)|how\\s+bad|collapse");

  private StressReading() {}

  static void read(Question q, Draft d) {
    Matcher year = YEAR.matcher(q.text());
    if (year.find()) {
      take(q, d, Integer.parseInt(year.group("year")), year.start(), year.end());
      return;
    }
    for (Map.Entry<Pattern, Integer> named : NAMED.entrySet()) {
      Matcher m = named.getKey().matcher(q.text());
      if (m.find()) {
        take(q, d, named.getValue(), m.start(), m.end());
        return;
      }
    }
    d.stressAsked = q.has(CRASH);
  }

  private static void take(Question q, Draft d, int year, int start, int end) {
    d.stressAsked = true;
    d.stressYear = year;
    d.quote("stressYear", year, q.text().substring(start, end), start, end);
    q.figures().consume(start, end);
  }
}
