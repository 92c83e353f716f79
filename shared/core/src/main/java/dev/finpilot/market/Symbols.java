package dev.finpilot.market;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ticker symbols as exchanges and the providers write them: {@code AAPL}, {@code BRK.B}, {@code
 * RDS-A}, {@code 0700.HK}, and indices with a leading caret ({@code ^GSPC}). The format is checked
 * before a symbol becomes part of a cache key or a provider URL.
 */
public final class Symbols {
  public static final int MAX_LENGTH = 15;

  /** What a valid symbol looks like, as a field error says it. */
  public static final String RULE =
      "must be 1 to "
          + MAX_LENGTH
          + " characters of A-Z, 0-9, '.' and '-', optionally after a leading '^' (as in ^GSPC)";

  private static final Pattern SYMBOL = Pattern.compile("\\^?[A-Z0-9][A-Z0-9.-]*");

  private Symbols() {}

  public static boolean isValid(String symbol) {
    return symbol.length() <= MAX_LENGTH && SYMBOL.matcher(symbol).matches();
  }

  /**
   * The distinct symbols of a comma-separated list as a user types it (spaces around items and
   * lower case are fine), in the order given.
   *
   * @param field the input's name, for the field errors ({@code field[i]} for the i-th item)
   * @throws ValidationException for more than {@code max} items, or every item that is not a symbol
   */
  public static List<String> parseList(String commaSeparated, String field, int max) {
    String[] items = commaSeparated.split(",", -1);
    if (items.length > max) {
      throw new ValidationException(
          List.of(
              new FieldError(field, "must list at most " + max + " symbols, was " + items.length)));
    }
    Set<String> symbols = new LinkedHashSet<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      String symbol = items[i].strip().toUpperCase(Locale.ROOT);
      if (isValid(symbol)) {
        symbols.add(symbol);
      } else {
        errors.add(new FieldError(field + "[" + i + "]", RULE));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return List.copyOf(symbols);
  }
}
