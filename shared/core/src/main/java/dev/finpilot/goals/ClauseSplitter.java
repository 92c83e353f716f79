package dev.finpilot.goals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts text into pieces at sentence ends, commas and joining words ("and", "also", "then"). The
 * pieces are candidates only: the parser joins neighbours back together unless they describe
 * different goals. Amounts are never cut, so "1,000,000", "Rs. 5,00,000" and "between $50k and
 * $60k" stay whole.
 */
final class ClauseSplitter {
  private static final Pattern BOUNDARY =
      Pattern.compile(
          "[.;!?]+(?=\\s|$)|[\\r\\n]+|,(?!\\d)"
              + "|(?<![\\p{L}])(?:and|also|then|plus|but|as\\s+well\\s+as)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HAS_WORD = Pattern.compile("[\\p{L}\\p{N}]");

  private ClauseSplitter() {}

  static List<Span> split(TextMask mask) {
    List<Span> amounts =
        AmountReader.findAll(mask).stream().map(AmountReader.Mention::span).toList();
    String text = mask.text();
    List<Span> pieces = new ArrayList<>();
    int start = 0;
    Matcher m = BOUNDARY.matcher(text);
    while (m.find()) {
      Span boundary = new Span(m.start(), m.end());
      if (amounts.stream().noneMatch(a -> a.overlaps(boundary))) {
        addPiece(text, start, m.start(), pieces);
        start = m.end();
      }
    }
    addPiece(text, start, text.length(), pieces);
    return pieces;
  }

  private static void addPiece(String text, int start, int end, List<Span> pieces) {
    if (HAS_WORD.matcher(text.substring(start, end)).find()) {
      pieces.add(new Span(start, end));
    }
  }
}
