package dev.finpilot.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads when a goal is due: "in 10 years", "within 18 months", "in 5 yrs", "by 2035", "by the end
 * of 2030", "by June 2030", "retire at 60", "by age 65", "when I'm 55".
 */
final class HorizonReader {
  private static final String COUNT =
      "(?<count>\\d{1,3}(?:\\.\\d{1,2})?|an?|" + NumberWords.CARDINAL + ")";
  private static final String UNIT = "(?<unit>years?|yrs?|y|months?|mos?)";
  private static final String AGE = "(?<age>\\d{2,3}|" + NumberWords.CARDINAL + ")";
  private static final String NOT_AN_AGE =
      "(?![.,]\\d|\\s*(?:%|percent|years?|yrs?|months?|mos?|dollars?|bucks|rupees?)(?![\\p{L}]))";
  private static final String MONTHS =
      "(?<month>january|february|march|april|may|june|july|august|september|october|november"
          + "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

  private static final PhraseMatcher<Horizon> MATCHER =
      new PhraseMatcher<>(
          List.of(
              PhraseMatcher.Rule.of(
                  "(?:in|within|over|for|after|inside\\s+of)\\s+(?:the\\s+)?(?:next\\s+)?"
                      + "(?:about\\s+|around\\s+|roughly\\s+|approximately\\s+)?"
                      + COUNT
                      + "\\s*"
                      + UNIT
                      + "(?:\\s+from\\s+(?:now|today))?",
                  HorizonReader::within),
              PhraseMatcher.Rule.of(
                  COUNT + "\\s*" + UNIT + "\\s+from\\s+(?:now|today)", HorizonReader::within),
              PhraseMatcher.Rule.of(
                  COUNT
                      + "[- ]"
                      + UNIT
                      + "[- ](?:plan|goal|timeline|horizon|time\\s*frame|timeframe)",
                  HorizonReader::within),
              PhraseMatcher.Rule.of(
                  "(?<prep>(?:by|before|until|till|in|around|during)\\s+(?:the\\s+)?(?:year\\s+)?)?"
                      + "(?:(?<edge>end|start|beginning)\\s+of\\s+(?:the\\s+year\\s+)?)?"
                      + "(?:"
                      + MONTHS
                      + "\\s+)?(?<year>(?:19|20|21)\\d{2})",
                  HorizonReader::byDate),
              PhraseMatcher.Rule.of(
                  "(?:at|by|before|until|till)\\s+(?:the\\s+)?(?:age\\s+(?:of\\s+)?)?"
                      + AGE
                      + NOT_AN_AGE,
                  HorizonReader::atAge),
              PhraseMatcher.Rule.of(
                  "(?:when|once|by\\s+the\\s+time|before|until|till)\\s+"
                      + "(?:I'm|I\\s+am|I\\s+turn|I\\s+reach|I\\s+hit|I\\s+get\\s+to|I'll\\s+be"
                      + "|I\\s+will\\s+be|we're|we\\s+are)\\s+(?:age\\s+)?"
                      + AGE,
                  HorizonReader::atAge),
              PhraseMatcher.Rule.of(
                  "age\\s+(?:of\\s+)?" + AGE + NOT_AN_AGE, HorizonReader::atAge)));

  private HorizonReader() {}

  /** Every horizon in the unconsumed text, in order of mention. */
  static List<Horizon> consumeAll(TextMask mask) {
    return MATCHER.consumeAll(mask).stream().map(PhraseMatcher.Hit::value).toList();
  }

  static PhraseMatcher<Horizon> matcher() {
    return MATCHER;
  }

  private static Optional<Horizon> within(Matcher m, String text) {
    String count = m.group("count");
    BigDecimal n =
        Character.isDigit(count.charAt(0))
            ? new BigDecimal(count)
            : BigDecimal.valueOf(NumberWords.parse(count));
    boolean years = m.group("unit").toLowerCase(Locale.ROOT).startsWith("y");
    BigDecimal months = years ? n.multiply(BigDecimal.valueOf(12)) : n;
    int wholeMonths = months.setScale(0, RoundingMode.HALF_UP).intValueExact();
    Period period =
        years && wholeMonths % 12 == 0
            ? Period.ofYears(wholeMonths / 12)
            : Period.ofMonths(wholeMonths);
    return Optional.of(new Horizon.Within(period, m.group().trim()));
  }

  private static Optional<Horizon> byDate(Matcher m, String text) {
    String edge = m.group("edge");
    String month = m.group("month");
    if (m.group("prep") == null && edge == null && month == null) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group("year"));
    boolean end = edge != null && edge.equalsIgnoreCase("end");
    LocalDate date;
    if (month == null) {
      date = end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
    } else {
      YearMonth ym = YearMonth.of(year, monthOf(month));
      date = end ? ym.atEndOfMonth() : ym.atDay(1);
    }
    return Optional.of(new Horizon.ByDate(date, m.group().trim()));
  }

  private static Month monthOf(String name) {
    String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
    for (Month month : Month.values()) {
      if (month.name().startsWith(prefix)) {
        return month;
      }
    }
    throw new IllegalStateException("the month pattern admitted " + name);
  }

  private static Optional<Horizon> atAge(Matcher m, String text) {
    return Optional.of(new Horizon.AtAge(NumberWords.parse(m.group("age")), m.group().trim()));
  }
}
