package dev.finpilot.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * The goal parser's readers, for text that is not a goal statement (a question about a plan):
 * amounts, horizons and percentages, each with the words it was read from. Every reading consumes
 * its words, so one stretch of text is read once, in the order the caller asks ("2008" read as a
 * year is then no longer an amount). Goal parsing itself does not read percentages.
 */
public final class FigureReader {

  /** A regular expression for a count in digits or spelled out ("3", "three", "twenty-five"). */
  public static final String COUNT = "(?:\\d{1,3}|" + NumberWords.CARDINAL + ")";

  /** How often an amount recurs. */
  public enum Per {
    ONCE,
    MONTH,
    YEAR
  }

  /** One figure and the words it was read from, {@code [start, end)} in the text. */
  public record Figure<T>(T value, String quote, int start, int end) {}

  /**
   * An amount as written.
   *
   * @param currency the currency its own words give; empty when it carries none ("250k")
   */
  public record Amount(BigDecimal value, Optional<Currency> currency, Per per) {}

  /**
   * A percentage as a fraction ("30%" is 0.30).
   *
   * @param points whether it was said in points ("2 points", "2 percentage points")
   */
  public record Percent(BigDecimal fraction, boolean points) {}

  private static final PhraseMatcher<Percent> PERCENTS =
      new PhraseMatcher<>(
          List.of(
              PhraseMatcher.Rule.of(
                  "(?<n>\\d{1,3}(?:\\.\\d{1,2})?|"
                      + NumberWords.CARDINAL
                      + ")(?:\\s*(?<pct>%|percent|per\\s+cent)"
                      + "|\\s+(?<pts>(?:percentage\\s+)?points?|pts?))",
                  FigureReader::percent)));

  private final TextMask mask;

  /** A reader of the text with typographic quotes and odd spaces made plain; see {@link #text}. */
  public FigureReader(String text) {
    this.mask = new TextMask(TextMask.normalize(text));
  }

  /** The text read: the one given with the same length, so positions are the same in both. */
  public String text() {
    return mask.text();
  }

  /** Every amount in the unread text, consumed with its cadence words. */
  public List<Figure<Amount>> amounts() {
    return AmountReader.consumeAll(mask).stream()
        .map(
            m ->
                new Figure<>(
                    new Amount(m.value(), m.currency(), per(m.cadence())),
                    m.phrase(),
                    m.span().start(),
                    m.span().end()))
        .toList();
  }

  /** Every horizon in the unread text: "in 10 years", "by 2035", "at 62", "when I'm 60". */
  public List<Figure<Horizon>> horizons() {
    return consumed(HorizonReader.matcher().findAll(mask.masked(), mask.text()));
  }

  /** Every percentage in the unread text: "30%", "thirty percent", "2 points". */
  public List<Figure<Percent>> percents() {
    return consumed(PERCENTS.findAll(mask.masked(), mask.text()));
  }

  /** Marks words as read by the caller, so no later reading uses them. */
  public void consume(int start, int end) {
    mask.consume(new Span(start, end));
  }

  /** The text with every consumed character blanked; positions are unchanged. */
  public String unread() {
    return mask.masked();
  }

  /** The value of digits or a spelled-out number matched by {@link #COUNT}. */
  public static int count(String token) {
    return NumberWords.parse(token);
  }

  private <T> List<Figure<T>> consumed(List<PhraseMatcher.Hit<T>> hits) {
    hits.forEach(h -> mask.consume(h.span()));
    return hits.stream()
        .map(h -> new Figure<>(h.value(), h.phrase().trim(), h.span().start(), h.span().end()))
        .toList();
  }

  private static Per per(AmountReader.Cadence cadence) {
    return switch (cadence) {
      case ONCE -> Per.ONCE;
      case MONTHLY -> Per.MONTH;
      case YEARLY -> Per.YEAR;
    };
  }

  private static Optional<Percent> percent(Matcher m, String text) {
    String n = m.group("n");
    BigDecimal value =
        Character.isDigit(n.charAt(0))
            ? new BigDecimal(n)
            : BigDecimal.valueOf(NumberWords.parse(n));
    return Optional.of(
        new Percent(
            value.divide(BigDecimal.valueOf(100), value.scale() + 2, RoundingMode.UNNECESSARY),
            m.group("pts") != null));
  }
}
