package dev.finpilot.goals;

import java.util.List;
import java.util.Locale;

/** Spelled-out whole numbers from one to ninety-nine ("five", "twenty-five"). */
final class NumberWords {
  private static final List<String> UNITS =
      List.of(
          "zero",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");
  private static final List<String> TENS =
      List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

  /** A regular expression matching one spelled-out number, for embedding in larger patterns. */
  static final String CARDINAL =
      "(?:(?:"
          + String.join("|", TENS.subList(2, TENS.size()))
          + ")(?:[- ](?:"
          + String.join("|", UNITS.subList(1, 10))
          + "))?|"
          + String.join("|", UNITS.subList(1, UNITS.size()))
          + ")";

  private NumberWords() {}

  /** The value of digits or of a phrase matched by {@link #CARDINAL}; "a" and "an" are one. */
  static int parse(String token) {
    String word = token.trim().toLowerCase(Locale.ROOT);
    if (word.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(word);
    }
    if (word.equals("a") || word.equals("an")) {
      return 1;
    }
    String[] parts = word.split("[- ]+");
    int tens = TENS.indexOf(parts[0]);
    if (tens >= 2) {
      return tens * 10 + (parts.length > 1 ? UNITS.indexOf(parts[1]) : 0);
    }
    int units = UNITS.indexOf(parts[0]);
    if (units < 0) {
      throw new IllegalArgumentException("not a number word: " + token);
    }
    return units;
  }
}
