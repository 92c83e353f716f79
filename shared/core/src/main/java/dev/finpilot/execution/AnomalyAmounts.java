package dev.finpilot.execution;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Amounts far above the user's own amounts of the same type, by the modified z-score of Iglewicz
 * and Hoaglin (1993, "How to Detect and Handle Outliers"): an amount is flagged when it lies more
 * than 3.5 robust standard deviations above the median, the robust standard deviation being the
 * median absolute deviation (MAD) / 0.6745. The median and MAD are not moved by the outlier itself,
 * so a single large amount cannot hide itself the way it would inflate a mean and standard
 * deviation. When more than half the amounts are equal the MAD is zero; the mean absolute deviation
 * from the median times 1.2533 (its ratio to the standard deviation for normal data) stands in.
 * Only amounts above are flagged: an unusually small amount moves no unexpected money. And an
 * amount must also be at least twice the median: a tight history (salary deposits a few dollars
 * apart) has so small a MAD that a 10% raise would otherwise look far out, and "far" is meant in
 * money, not only in spread.
 */
final class AnomalyAmounts {
  /** Fewer amounts of a type than this give no stable median and MAD; the type is not checked. */
  static final int MIN_HISTORY = 10;

  static final BigDecimal CUTOFF = new BigDecimal("3.5");
  static final BigDecimal MIN_MULTIPLE = BigDecimal.valueOf(2);
  static final BigDecimal MAD_TO_SIGMA = new BigDecimal("0.6745");
  static final BigDecimal MEAN_AD_TO_SIGMA = new BigDecimal("1.2533");
  private static final MathContext PRECISION = MathContext.DECIMAL64;

  private AnomalyAmounts() {}

  static void find(List<Transaction> settled, List<LedgerAnomaly> into, List<String> notChecked) {
    Map<TransactionType, List<Transaction>> byType = new EnumMap<>(TransactionType.class);
    for (Transaction t : settled) {
      if (t.type() != TransactionType.OPEN_ACCOUNT) {
        byType.computeIfAbsent(t.type(), k -> new ArrayList<>()).add(t);
      }
    }
    byType.forEach(
        (type, list) -> {
          if (list.size() < MIN_HISTORY) {
            notChecked.add(
                "amounts of "
                    + name(type)
                    + ": "
                    + list.size()
                    + " transactions, at least "
                    + MIN_HISTORY
                    + " are needed to know what is usual");
          } else {
            flag(type, list, into);
          }
        });
  }

  private static void flag(TransactionType type, List<Transaction> list, List<LedgerAnomaly> into) {
    List<BigDecimal> amounts =
        list.stream().map(t -> t.amount().amount()).sorted(Comparator.naturalOrder()).toList();
    BigDecimal median = median(amounts);
    List<BigDecimal> deviations =
        amounts.stream().map(a -> a.subtract(median).abs()).sorted().toList();
    BigDecimal mad = median(deviations);
    BigDecimal meanDeviation =
        deviations.stream()
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(deviations.size()), PRECISION);
    BigDecimal sigma =
        mad.signum() > 0
            ? mad.divide(MAD_TO_SIGMA, PRECISION)
            : meanDeviation.multiply(MEAN_AD_TO_SIGMA, PRECISION);
    if (sigma.signum() == 0) {
      return;
    }
    Money currency = list.get(0).amount();
    Money typical = Money.of(median, currency.currency());
    Money robust =
        Money.of(
            median.add(CUTOFF.multiply(sigma, PRECISION)).setScale(2, RoundingMode.HALF_EVEN),
            currency.currency());
    Money threshold = robust.max(typical.times(MIN_MULTIPLE));
    for (Transaction t : list) {
      if (t.amount().isGreaterThan(threshold)) {
        into.add(
            LedgerAnomaly.amount(
                t.id(),
                "a "
                    + name(type)
                    + " of "
                    + t.amount().formatted()
                    + " is far above this user's usual "
                    + name(type)
                    + " of "
                    + typical.formatted()
                    + " (the median of "
                    + list.size()
                    + "): above "
                    + threshold.formatted()
                    + ", the larger of twice the median and the median plus "
                    + CUTOFF
                    + " robust standard deviations ("
                    + robust.formatted()
                    + "; "
                    + (mad.signum() > 0 ? "MAD " : "mean absolute deviation ")
                    + Money.of(mad.signum() > 0 ? mad : meanDeviation, currency.currency())
                        .formatted()
                    + ")",
                t.amount(),
                typical,
                threshold));
      }
    }
  }

  /** The median of sorted values: the middle one, or the mean of the two middle ones. */
  static BigDecimal median(List<BigDecimal> sorted) {
    int n = sorted.size();
    return n % 2 == 1
        ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
  }

  static String name(TransactionType type) {
    return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
