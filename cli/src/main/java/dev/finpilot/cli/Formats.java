package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How figures read in the terminal: money, shares, compact amounts, wrapped sentences. */
final class Formats {
  static final int WIDTH = 80;

  private Formats() {}

  /** An API money object ({@code {"amount": 1458.34, "currency": "USD"}}) as "$1,458.34". */
  static String money(JsonNode money) {
    if (money == null || money.isMissingNode() || money.isNull()) {
      return "-";
    }
    BigDecimal amount = new BigDecimal(money.path("amount").asText("0"));
    String currency = money.path("currency").asText("USD");
    DecimalFormat format =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
    String digits = format.format(amount.abs().setScale(2, RoundingMode.HALF_EVEN));
    String sign = amount.signum() < 0 ? "-" : "";
    return "USD".equals(currency) ? sign + "$" + digits : sign + digits + " " + currency;
  }

  /** A share in [0, 1] as a percentage with one decimal: 0.8696 as "87.0%". */
  static String percent(JsonNode share) {
    if (share == null || !share.isNumber()) {
      return "-";
    }
    return String.format(Locale.US, "%.1f%%", share.asDouble() * 100);
  }

  /** A dollar amount in a few characters for chart axes: $2.3M, $450k, $0. */
  static String compact(double dollars) {
    double abs = Math.abs(dollars);
    if (abs >= 1e9) {
      return String.format(Locale.US, "$%.1fB", dollars / 1e9);
    }
    if (abs >= 1e6) {
      return String.format(Locale.US, "$%.1fM", dollars / 1e6);
    }
    if (abs >= 1e3) {
      return String.format(Locale.US, "$%.0fk", dollars / 1e3);
    }
    return String.format(Locale.US, "$%.0f", dollars);
  }

  /**
   * {@code text} broken into lines of at most {@link #WIDTH} columns, each after {@code indent}.
   */
  static List<String> wrap(String text, String indent) {
    return wrap(text, indent, indent);
  }

  /** As {@link #wrap(String, String)}, the first line after {@code first} instead. */
  static List<String> wrap(String text, String first, String indent) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String word : text.trim().split("\\s+")) {
      if (!empty && line.length() + 1 + word.length() > WIDTH) {
        lines.add(line.toString());
        line = new StringBuilder(indent);
        empty = true;
      }
      line.append(empty ? "" : " ").append(word);
      empty = false;
    }
    if (!empty) {
      lines.add(line.toString());
    }
    return lines;
  }
}
