package dev.finpilot.goals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The goal text with the characters some reader has understood marked as consumed. Later readers
 * search the masked text, so one phrase is never read twice ("401k" is a retirement account, not
 * $401,000), and whatever no reader consumed is reported back as unread.
 */
final class TextMask {
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'%]+");

  private final String text;
  private final boolean[] consumed;

  TextMask(String text) {
    this(text, new boolean[text.length()]);
  }

  private TextMask(String text, boolean[] consumed) {
    this.text = text;
    this.consumed = consumed;
  }

  /** Typographic quotes and non-breaking spaces become plain ones, keeping every position. */
  static String normalize(String text) {
    return text.replace('\u2019', '\'')
        .replace('\u2018', '\'')
        .replace('\u00A0', ' ')
        .replace('\u202F', ' ');
  }

  String text() {
    return text;
  }

  /** The text with consumed characters blanked to spaces; positions are unchanged. */
  String masked() {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (consumed[i]) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  void consume(Span span) {
    Arrays.fill(consumed, span.start(), span.end(), true);
  }

  TextMask slice(Span span) {
    return new TextMask(
        text.substring(span.start(), span.end()),
        Arrays.copyOfRange(consumed, span.start(), span.end()));
  }

  /**
   * Each unconsumed stretch of text that holds a word other than filler, trimmed of filler at both
   * ends, so "hello my friend" is reported whole but "I want to" is not reported at all.
   */
  List<String> unreadFragments() {
    List<String> fragments = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (consumed[i]) {
        i++;
        continue;
      }
      int runEnd = i;
      while (runEnd < text.length() && !consumed[runEnd]) {
        runEnd++;
      }
      addFragment(i, runEnd, fragments);
      i = runEnd;
    }
    return fragments;
  }

  private void addFragment(int runStart, int runEnd, List<String> fragments) {
    Matcher m = TOKEN.matcher(text).region(runStart, runEnd);
    int first = -1;
    int last = -1;
    while (m.find()) {
      if (!FillerWords.isFiller(m.group().toLowerCase(Locale.ROOT))) {
        if (first < 0) {
          first = m.start();
        }
        last = m.end();
      }
    }
    if (first >= 0) {
      fragments.add(text.substring(first, last));
    }
  }
}
