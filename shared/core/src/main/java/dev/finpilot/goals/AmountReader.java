package dev.finpilot.goals;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads amounts of money and what each one is for. Every number is read on its own, so a "k" or "m"
 * elsewhere in the sentence never scales it (the prototype turned "$100,000 ... in 10 years" into
 * 100 billion because the text contained an "m").
 *
 * <p>Understood: "$100,000", "100,000 dollars", "$1.5M", "1.5 million", "250k", "a million", "half
 * a million", "₹20L", "20 lakh", "1.2 crore", "Rs 5,00,000" (Indian digit grouping). The words
 * around an amount say whether it is the target, a contribution ("$500 a month", "a monthly SIP of
 * ₹10,000"), money already saved ("I have $20k saved") or income ("I make $90k").
 */
final class AmountReader {

  /** What an amount is for. */
  enum Role {
    TARGET,
    CONTRIBUTION,
    EXISTING,
    /** Earnings ("I make $90k"): noted, not a goal amount. */
    INCOME,
    /** Money needed or spent per period ("I need $5,000 a month in retirement"): noted, unused. */
    SPENDING
  }

  /** How often a contribution is made; targets and balances are {@code ONCE}. */
  enum Cadence {
    ONCE,
    MONTHLY,
    YEARLY
  }

  /**
   * One amount as written.
   *
   * @param currency the currency its own words give (a sign, a currency word, lakh or crore); empty
   *     when the amount carries no currency of its own
   * @param bare a plain number with neither currency nor scale ("5000"), a weaker reading
   * @param notes anything about the reading the user should know
   */
  record Mention(
      BigDecimal value,
      Optional<Currency> currency,
      boolean bare,
      Role role,
      Cadence cadence,
      String phrase,
      Span span,
      List<String> notes) {

    Money toMoney(Currency fallback) {
      return Money.of(value, currency.orElse(fallback));
    }
  }

  /** A unit a number is written in; lakh and crore are Indian units and imply rupees. */
  private record Scale(BigDecimal factor, boolean indian) {}

  private static final Scale THOUSAND = new Scale(new BigDecimal("1000"), false);
  private static final Scale MILLION = new Scale(new BigDecimal("1000000"), false);
  private static final Scale BILLION = new Scale(new BigDecimal("1000000000"), false);
  private static final Scale LAKH = new Scale(new BigDecimal("100000"), true);
  private static final Scale CRORE = new Scale(new BigDecimal("10000000"), true);
  private static final Map<String, Scale> SCALES =
      Map.ofEntries(
          Map.entry("k", THOUSAND),
          Map.entry("thousand", THOUSAND),
          Map.entry("grand", THOUSAND),
          Map.entry("m", MILLION),
          Map.entry("mm", MILLION),
          Map.entry("mn", MILLION),
          Map.entry("mil", MILLION),
          Map.entry("mln", MILLION),
          Map.entry("million", MILLION),
          Map.entry("b", BILLION),
          Map.entry("bn", BILLION),
          Map.entry("billion", BILLION),
          Map.entry("l", LAKH),
          Map.entry("lakh", LAKH),
          Map.entry("lakhs", LAKH),
          Map.entry("lac", LAKH),
          Map.entry("lacs", LAKH),
          Map.entry("cr", CRORE),
          Map.entry("crore", CRORE),
          Map.entry("crores", CRORE));

  private static final String SCALE_WORD =
      "thousand|grand|million|mil|mln|mn|billion|bn|lakhs?|lacs?|crores?|cr";
  private static final String CURRENCY_WORD = "dollars?|bucks|usd|rupees?|rs\\.?|inr";

  /** Plain numbers below this are read as amounts only with a currency, scale or cadence. */
  private static final BigDecimal SMALLEST_BARE_AMOUNT = new BigDecimal("1000");

  private static final Pattern WESTERN_GROUPING = Pattern.compile("\\d{1,3}(?:,\\d{3})+");
  private static final Pattern INDIAN_GROUPING = Pattern.compile("\\d{1,2}(?:,\\d{2})*,\\d{3}");

  private static final Pattern CADENCE_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:a|per|each|every|/)\\s*(?<unit>months?|mo|mth|years?|yr|annum)"
              + "|(?<adverb>monthly|yearly|annually|p\\.?\\s?m\\.?|p\\.?\\s?a\\.?))(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CADENCE_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?<cadence>monthly|yearly|annual|annually|every\\s+month|each\\s+month"
              + "|every\\s+year|sips?)"
              + "(?:\\s+(?:contributions?|savings?|deposits?|investments?|amount|payments?|sips?"
              + "|installments?))?\\s*(?:of|is|:|=)?\\s*(?:about|around|roughly)?\\s*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INCOME_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?:make|makes|making|earn|earns|earning|income|salary|paid|take\\s+home"
              + "|gross|net)\\s+(?:(?:is|of|about|around|roughly)\\s+)*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern INCOME_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:a|per)\\s+year\\s+)?(?:in\\s+)?(?:annual\\s+|yearly\\s+|monthly\\s+)?"
              + "(?:income|salary|take[- ]home)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SPENDING_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?:need|needs|spend|spending|live\\s+on|living\\s+on|withdraw|withdrawing"
              + "|draw|drawing|expenses\\s+(?:of|are)|budget\\s+(?:of|is))"
              + "\\s+(?:(?:about|around|roughly|of)\\s+)*$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SPENDING_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:a|per|each|every|/)\\s*(?:months?|mo|years?|yr|annum)|monthly|yearly"
              + "|annually)?\\s*(?:in|during|throughout|through)\\s+retirement(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EXISTING_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?:I\\s+(?:already\\s+|currently\\s+)?have(?:\\s+got)?"
              + "|I've\\s+(?:already\\s+)?(?:got|saved)|we\\s+(?:already\\s+|currently\\s+)?have"
              + "|we've\\s+(?:already\\s+)?(?:got|saved)|(?:already|currently)\\s+(?:have|saved|hold)"
              + "|have\\s+(?:already\\s+)?saved|saved\\s+up"
              + "|current(?:ly)?\\s+(?:savings|balance|portfolio)(?:\\s+(?:of|is|are))?"
              + "|starting\\s+(?:with|from)|existing|from)"
              + "\\s*(?:about\\s+|around\\s+|roughly\\s+)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EXISTING_AFTER =
      Pattern.compile(
          "^\\s*(?:already\\s+)?(?:saved|in\\s+savings|put\\s+away|set\\s+aside|already|so\\s+far)"
              + "(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern OWED_AFTER =
      Pattern.compile(
          "^\\s*(?:of|in)\\s+(?:[\\p{L}-]+\\s+){0,2}(?:debts?|loans?|credit\\s+cards?)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_JOIN =
      Pattern.compile("^\\s*(?:-|–|—|to)\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BETWEEN_JOIN =
      Pattern.compile("^\\s*and\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern BETWEEN_BEFORE =
      Pattern.compile("(?<![\\p{L}])between\\s*$", Pattern.CASE_INSENSITIVE);

  private static final PhraseMatcher<Mention> MATCHER =
      new PhraseMatcher<>(
          List.of(
              PhraseMatcher.Rule.of(
                  "(?:(?<pre>US\\$|\\$|₹|Rs\\.?|INR|USD)\\s*)?"
                      + "(?<num>\\d+(?:,\\d+)*(?:\\.\\d+)?)"
                      + "(?:(?<letter>k|mm|mn|m|bn|b|l|cr)(?![\\p{L}\\p{N}])"
                      + "|\\s*(?<scale>"
                      + SCALE_WORD
                      + ")(?![\\p{L}]))?"
                      + "(?:\\s*(?<suffix>"
                      + CURRENCY_WORD
                      + ")(?![\\p{L}]))?",
                  AmountReader::digits),
              PhraseMatcher.Rule.of(
                  "(?<count>half\\s+an?|an?|"
                      + NumberWords.CARDINAL
                      + ")(?:\\s+(?<hundred>hundred))?\\s+"
                      + "(?:(?<scale>"
                      + SCALE_WORD
                      + ")(?:\\s*(?<suffix>"
                      + CURRENCY_WORD
                      + "))?|(?<unitSuffix>"
                      + CURRENCY_WORD
                      + "))",
                  AmountReader::words)));

  private AmountReader() {}

  /** Every amount in the unconsumed text, in order of mention, without consuming any. */
  static List<Mention> findAll(TextMask mask) {
    List<Mention> found =
        MATCHER.findAll(mask.masked(), mask.text()).stream().map(PhraseMatcher.Hit::value).toList();
    return joinRanges(found, mask.text());
  }

  /** As {@link #findAll}, consuming each amount together with its cadence words. */
  static List<Mention> consumeAll(TextMask mask) {
    List<Mention> mentions = findAll(mask);
    mentions.forEach(m -> mask.consume(m.span()));
    return mentions;
  }

  private static Optional<Mention> digits(Matcher m, String text) {
    String number = m.group("num");
    if (number.contains(",")) {
      String whole = number.contains(".") ? number.substring(0, number.indexOf('.')) : number;
      if (!WESTERN_GROUPING.matcher(whole).matches() && !INDIAN_GROUPING.matcher(whole).matches()) {
        return Optional.empty();
      }
    }
    String scaleWord = m.group("letter") != null ? m.group("letter") : m.group("scale");
    BigDecimal value = new BigDecimal(number.replace(",", ""));
    boolean plain = m.group("pre") == null && m.group("suffix") == null && scaleWord == null;
    if (plain && value.compareTo(SMALLEST_BARE_AMOUNT) < 0 && !number.contains(",")) {
      boolean hasCadence = cadence(text, m.start(), m.end()).cadence() != Cadence.ONCE;
      if (!hasCadence) {
        return Optional.empty();
      }
    }
    return Optional.of(
        mention(value, scaleWord, marker(m.group("pre"), m.group("suffix")), plain, m, text));
  }

  private static Optional<Mention> words(Matcher m, String text) {
    String count = m.group("count").toLowerCase(Locale.ROOT);
    boolean hundred = m.group("hundred") != null;
    String scaleWord = m.group("scale");
    if (count.matches("an?") && !hundred && scaleWord == null) {
      return Optional.empty();
    }
    BigDecimal value =
        count.startsWith("half ")
            ? new BigDecimal("0.5")
            : BigDecimal.valueOf(NumberWords.parse(count));
    if (hundred) {
      value = value.multiply(BigDecimal.valueOf(100));
    }
    String currencyWord = m.group("suffix") != null ? m.group("suffix") : m.group("unitSuffix");
    return Optional.of(mention(value, scaleWord, marker(null, currencyWord), false, m, text));
  }

  private static Mention mention(
      BigDecimal number,
      String scaleWord,
      Optional<Currency> marked,
      boolean plain,
      Matcher m,
      String text) {
    List<String> notes = new ArrayList<>();
    BigDecimal value = number;
    Optional<Currency> currency = marked;
    if (scaleWord != null) {
      Scale scale = SCALES.get(scaleWord.toLowerCase(Locale.ROOT));
      value = value.multiply(scale.factor());
      boolean indianUnit = scale.indian();
      if (indianUnit && marked.isEmpty()) {
        currency = Optional.of(Money.INR);
      } else if (indianUnit && !marked.get().equals(Money.INR)) {
        notes.add(
            "'"
                + m.group().trim()
                + "' uses an Indian unit with a "
                + marked.get().getCurrencyCode()
                + " marker; read as "
                + marked.get().getCurrencyCode());
      }
    }
    CadenceCue cadence = cadence(text, m.start(), m.end());
    Role role = role(text, m.start(), m.end(), cadence.cadence());
    Span span = new Span(Math.min(m.start(), cadence.span().start()), cadence.span().end());
    return new Mention(
        value,
        currency,
        plain,
        role,
        cadence.cadence(),
        text.substring(span.start(), span.end()).trim(),
        span,
        List.copyOf(notes));
  }

  private static Optional<Currency> marker(String prefix, String suffix) {
    String word = (prefix != null ? prefix : suffix == null ? "" : suffix).toLowerCase(Locale.ROOT);
    if (word.isEmpty()) {
      return Optional.empty();
    }
    boolean rupees = word.equals("₹") || word.startsWith("rs") || word.startsWith("rupee");
    return Optional.of(rupees || word.equals("inr") ? Money.INR : Money.USD);
  }

  /** A cadence and the stretch of text that holds the amount together with its cadence words. */
  private record CadenceCue(Cadence cadence, Span span) {}

  private static CadenceCue cadence(String text, int start, int end) {
    Matcher after = CADENCE_AFTER.matcher(text).region(end, text.length());
    if (after.lookingAt()) {
      String unit = after.group("unit") != null ? after.group("unit") : after.group("adverb");
      String u = unit.toLowerCase(Locale.ROOT);
      boolean monthly =
          u.startsWith("mo") || u.startsWith("mth") || u.startsWith("p") && u.contains("m");
      return new CadenceCue(
          monthly ? Cadence.MONTHLY : Cadence.YEARLY, new Span(start, after.end()));
    }
    int from = Math.max(0, start - 60);
    Matcher before = CADENCE_BEFORE.matcher(text).region(from, start);
    if (before.find()) {
      String cue = before.group("cadence").toLowerCase(Locale.ROOT);
      boolean yearly = cue.startsWith("year") || cue.startsWith("annual") || cue.endsWith("year");
      return new CadenceCue(
          yearly ? Cadence.YEARLY : Cadence.MONTHLY, new Span(before.start(), end));
    }
    return new CadenceCue(Cadence.ONCE, new Span(start, end));
  }

  private static Role role(String text, int start, int end, Cadence cadence) {
    String before = text.substring(Math.max(0, start - 60), start);
    String after = text.substring(end, Math.min(text.length(), end + 60));
    if (INCOME_BEFORE.matcher(before).find() || INCOME_AFTER.matcher(after).lookingAt()) {
      return Role.INCOME;
    }
    if (cadence != Cadence.ONCE) {
      boolean spending =
          SPENDING_BEFORE.matcher(before).find() || SPENDING_AFTER.matcher(after).lookingAt();
      return spending ? Role.SPENDING : Role.CONTRIBUTION;
    }
    if (OWED_AFTER.matcher(after).lookingAt()) {
      return Role.TARGET;
    }
    if (EXISTING_BEFORE.matcher(before).find() || EXISTING_AFTER.matcher(after).lookingAt()) {
      return Role.EXISTING;
    }
    return Role.TARGET;
  }

  /** "$50k to $60k", "between $50k and $60k": one amount, read at its upper end. */
  private static List<Mention> joinRanges(List<Mention> found, String text) {
    List<Mention> joined = new ArrayList<>();
    for (Mention next : found) {
      Mention last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      if (last == null
          || last.role() != next.role()
          || last.role() == Role.EXISTING
          || next.span().start() < last.span().end()) {
        joined.add(next);
        continue;
      }
      String gap = text.substring(last.span().end(), next.span().start());
      Matcher between =
          BETWEEN_BEFORE
              .matcher(text)
              .region(Math.max(0, last.span().start() - 20), last.span().start());
      if (RANGE_JOIN.matcher(gap).matches()) {
        joined.set(joined.size() - 1, range(last, next, last.span().start(), text));
      } else if (BETWEEN_JOIN.matcher(gap).matches() && between.find()) {
        joined.set(joined.size() - 1, range(last, next, between.start(), text));
      } else {
        joined.add(next);
      }
    }
    return joined;
  }

  private static Mention range(Mention low, Mention high, int start, String text) {
    Span span = new Span(start, high.span().end());
    List<String> notes = new ArrayList<>(low.notes());
    notes.addAll(high.notes());
    notes.add(
        "read the range '"
            + text.substring(span.start(), span.end()).trim()
            + "' at its upper end, "
            + high.value().stripTrailingZeros().toPlainString());
    return new Mention(
        high.value(),
        high.currency().or(low::currency),
        low.bare() && high.bare(),
        high.role(),
        high.cadence(),
        text.substring(span.start(), span.end()).trim(),
        span,
        List.copyOf(notes));
  }
}
