package dev.finpilot.insight.chat;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.FigureReader.Percent;
import dev.finpilot.projection.ProjectionInputs;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an allocation: "60/40", "60/30/10" (stocks/bonds/cash), "put 60% in stocks", "40% in
 * bonds", "all in stocks". Shares are spread over the asset classes the planner uses in the
 * proportions the version holds today (large and small caps within stocks; Treasuries, corporate
 * bonds and cash within the rest), so only the stock share changes. A split names bonds (and cash)
 * itself, so its bonds follow the version's bond proportions and its cash is what it says.
 */
final class AllocationReading {
  private static final Pattern SPLIT =
      Pattern.compile(
          "(?<![\\p{N}.,/$])(?<stocks>\\d{1,3})\\s*[/-]\\s*(?<bonds>\\d{1,3})"
              + "(?:\\s*[/-]\\s*(?<cash>\\d{1,3}))?(?![\\p{N}/%])");
  private static final Pattern SPLIT_CUE =
      Question.words(
          "portfolio|allocation|mix|split|stocks?|bonds?|equit(?:y|ies)|invest\\w*|hold|put"
              + "|move|switch\\w*|go|went");
  private static final Pattern STOCKS_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:in|into|of\\s+(?:my\\s+|the\\s+)?(?:money|portfolio|savings)\\s+in)\\s+)?"
              + "(?:the\\s+)?(?:stocks?|equit(?:y|ies)|shares|stock\\s+market|index\\s+funds)"
              + "(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern BONDS_AFTER =
      Pattern.compile(
          "^\\s*(?:(?:in|into|of\\s+(?:my\\s+|the\\s+)?(?:money|portfolio|savings)\\s+in)\\s+)?"
              + "(?:the\\s+)?(?:bonds?|fixed\\s+income|treasur(?:y|ies))(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ALL_STOCKS =
      Question.words(
          "all[- ]in\\s+(?:on\\s+)?stocks|all\\s+(?:in\\s+)?(?:stocks|equit(?:y|ies))"
              + "|all[- ]equity|all[- ]stock");
  private static final Pattern ALLOCATION_WORDS =
      Question.words(
          "allocation|asset\\s+mix|(?:more|less|fewer)\\s+(?:in\\s+)?(?:stocks|bonds|equit(?:y|ies))"
              + "|(?:more|less)\\s+(?:aggressive|conservative)\\s+(?:portfolio|mix|allocation)");
  private static final int SCALE = 4;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AllocationReading() {}

  /** Splits such as "60/40", read before percentages and amounts. */
  static void readSplit(Question q, Draft d) {
    Matcher m = SPLIT.matcher(q.text());
    while (m.find()) {
      if (!q.has(SPLIT_CUE) && !m.group().contains("/")) {
        continue;
      }
      BigDecimal stocks = new BigDecimal(m.group("stocks"));
      BigDecimal bonds = new BigDecimal(m.group("bonds"));
      BigDecimal cash = m.group("cash") == null ? BigDecimal.ZERO : new BigDecimal(m.group("cash"));
      if (stocks.add(bonds).add(cash).compareTo(HUNDRED) != 0) {
        continue;
      }
      q.figures().consume(m.start(), m.end());
      d.changeAsked = true;
      Allocation a =
          allocation(q, fraction(stocks), fraction(bonds), fraction(cash), m.group("cash") != null);
      take(d, a, m.group(), m.start(), m.end());
      return;
    }
  }

  /** A share in stocks or bonds among the percentages ("put 60% in stocks"). */
  static void readShare(Question q, List<Figure<Percent>> percents, Draft d) {
    if (d.allocation != null) {
      return;
    }
    for (Figure<Percent> p : percents) {
      if (d.isUsed(p)) {
        continue;
      }
      Matcher stocks = STOCKS_AFTER.matcher(q.text()).region(p.end(), q.text().length());
      Matcher bonds = BONDS_AFTER.matcher(q.text()).region(p.end(), q.text().length());
      BigDecimal share = p.value().fraction();
      if (share.compareTo(BigDecimal.ONE) > 0) {
        continue;
      }
      if (stocks.lookingAt()) {
        take(d, allocation(q, share), text(q, p.start(), stocks.end()), p.start(), stocks.end());
        d.use(p);
        return;
      }
      if (bonds.lookingAt()) {
        BigDecimal rest = BigDecimal.ONE.subtract(share);
        take(d, allocation(q, rest), text(q, p.start(), bonds.end()), p.start(), bonds.end());
        d.use(p);
        d.note(
            "read '"
                + text(q, p.start(), bonds.end())
                + "' as "
                + rest.movePointRight(2).stripTrailingZeros().toPlainString()
                + "% in stocks and the rest held as the version holds it today");
        return;
      }
    }
    Matcher all = ALL_STOCKS.matcher(q.text());
    if (all.find()) {
      take(d, allocation(q, BigDecimal.ONE), all.group(), all.start(), all.end());
    } else if (q.has(ALLOCATION_WORDS)) {
      d.cannotRead(
          "I could not read the share in stocks in "
              + q.quoted()
              + "; say 'put 60% in stocks' or '60/40'");
    }
  }

  private static void take(Draft d, Allocation a, String words, int start, int end) {
    d.changeAsked = true;
    d.allocation = a;
    d.quote("allocation", describe(a), words, start, end);
  }

  private static String text(Question q, int start, int end) {
    return q.text().substring(start, end).trim();
  }

  private static BigDecimal fraction(BigDecimal percent) {
    return percent.divide(HUNDRED, SCALE, RoundingMode.UNNECESSARY);
  }

  /** The stock share, the rest split as the version's non-equity holdings are today. */
  private static Allocation allocation(Question q, BigDecimal stocks) {
    Allocation today = today(q);
    Map<AssetClass, BigDecimal> weights = new EnumMap<>(AssetClass.class);
    spread(stocks, today, AssetClass::isEquity, AssetClass.US_LARGE_CAP, weights);
    spread(
        BigDecimal.ONE.subtract(stocks),
        today,
        c -> !c.isEquity(),
        AssetClass.TREASURY_BOND,
        weights);
    return new Allocation(weights);
  }

  /** A stock/bond(/cash) split: bonds as the version's bonds are split today, cash as said. */
  private static Allocation allocation(
      Question q, BigDecimal stocks, BigDecimal bonds, BigDecimal cash, boolean cashSaid) {
    if (!cashSaid) {
      cash = BigDecimal.ZERO;
    }
    Allocation today = today(q);
    Map<AssetClass, BigDecimal> weights = new EnumMap<>(AssetClass.class);
    spread(stocks, today, AssetClass::isEquity, AssetClass.US_LARGE_CAP, weights);
    spread(
        bonds,
        today,
        c -> c == AssetClass.TREASURY_BOND || c == AssetClass.CORPORATE_BOND,
        AssetClass.TREASURY_BOND,
        weights);
    weights.merge(AssetClass.CASH, cash, BigDecimal::add);
    return new Allocation(weights);
  }

  private static Allocation today(Question q) {
    ProjectionInputs inputs = q.subject().projection().inputs();
    return inputs.glidePath().allocationAt(inputs.startAge());
  }

  /**
   * Spreads {@code share} over the classes the version holds today that pass {@code in}, in their
   * proportions, or all to {@code fallback} when it holds none; the last class takes the rounding
   * so the parts add up to the share exactly.
   */
  private static void spread(
      BigDecimal share,
      Allocation today,
      Predicate<AssetClass> in,
      AssetClass fallback,
      Map<AssetClass, BigDecimal> into) {
    if (share.signum() == 0) {
      return;
    }
    List<AssetClass> held = today.weights().keySet().stream().filter(in).toList();
    BigDecimal total = held.stream().map(today::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    if (held.isEmpty() || total.signum() == 0) {
      into.merge(fallback, share, BigDecimal::add);
      return;
    }
    BigDecimal left = share;
    for (int i = 0; i < held.size(); i++) {
      AssetClass c = held.get(i);
      BigDecimal part =
          i == held.size() - 1
              ? left
              : share.multiply(today.weight(c)).divide(total, SCALE, RoundingMode.DOWN);
      into.merge(c, part, BigDecimal::add);
      left = left.subtract(part);
    }
  }

  private static String describe(Allocation a) {
    StringBuilder s = new StringBuilder();
    a.weights()
        .forEach(
            (c, w) ->
                s.append(s.length() == 0 ? "" : ", ")
                    .append(c)
                    .append(' ')
                    .append(w.movePointRight(2).stripTrailingZeros().toPlainString())
                    .append('%'));
    return s.toString();
  }
}
