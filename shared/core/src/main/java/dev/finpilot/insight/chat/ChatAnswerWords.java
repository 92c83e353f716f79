package dev.finpilot.insight.chat;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.insight.Change;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How an answer writes its numbers and a change: the same way in every answer. */
final class ChatAnswerWords {
  private ChatAnswerWords() {}

  /** A share as a percentage to one place: 0.7243 is "72.4%". */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A change of a share in percentage points, signed: 0.031 is "+3.1 points". */
  static String points(double change) {
    return String.format(Locale.ROOT, "%+.1f points", change * 100);
  }

  /** Whole dollars with thousands separators: 1234567.8 is "$1,234,568". */
  static String dollars(double amount) {
    return (amount < 0 ? "-$" : "$") + String.format(Locale.US, "%,.0f", Math.abs(amount));
  }

  static String dollars(Money money) {
    return dollars(money.amount().doubleValue());
  }

  static String basis(ValueBasis basis) {
    return basis == ValueBasis.TODAYS_DOLLARS ? "in today's dollars" : "in nominal dollars";
  }

  static String years(int n) {
    return n + (n == 1 ? " year" : " years");
  }

  /** A fraction as a whole percentage when it is one: 0.30 is "30%". */
  private static String percent(BigDecimal fraction) {
    return fraction
            .movePointRight(2)
            .setScale(2, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /** The change in words: "the goal date 3 years later and $500 more saved a month". */
  static String described(Change change) {
    List<String> parts = new ArrayList<>();
    if (change.goalYears() != null && change.goalYears() != 0) {
      int n = change.goalYears();
      parts.add("the goal date " + years(Math.abs(n)) + (n > 0 ? " later" : " earlier"));
    }
    if (change.monthlySaving() != null && change.monthlySaving().amount().signum() != 0) {
      Money m = change.monthlySaving();
      parts.add(
          dollars(m.amount().abs().doubleValue())
              + (m.isNegative() ? " less" : " more")
              + " saved a month");
    }
    if (change.marketFall() != null) {
      parts.add("equities falling " + percent(change.marketFall()) + " next year");
    }
    if (change.extraInflation() != null && change.extraInflation().signum() != 0) {
      BigDecimal points = change.extraInflation().movePointRight(2).stripTrailingZeros();
      boolean one = points.abs().compareTo(BigDecimal.ONE) == 0;
      String direction = points.signum() > 0 ? "higher" : "lower";
      parts.add(
          String.format(
              Locale.ROOT,
              "inflation %s %s a year %s",
              points.abs().toPlainString(),
              one ? "point" : "points",
              direction));
    }
    if (change.lumpSum() != null && change.lumpSum().amount().signum() != 0) {
      Money m = change.lumpSum();
      parts.add(
          dollars(m.amount().abs().doubleValue())
              + (m.isNegative() ? " taken out today" : " added today"));
    }
    if (change.allocation() != null) {
      parts.add(percent(change.allocation().equityShare()) + " in equities for the whole horizon");
    }
    if (parts.isEmpty()) {
      return "nothing changed";
    }
    return parts.size() == 1
        ? parts.get(0)
        : String.join(", ", parts.subList(0, parts.size() - 1))
            + " and "
            + parts.get(parts.size() - 1);
  }
}
