package dev.finpilot.goals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds whole-word phrases and what they mean. Where readings overlap, the one that starts first
 * wins, and of those the longest ("student loans" over "loans"), so each stretch of text means one
 * thing.
 */
final class PhraseMatcher<T> {

  /** One phrase found in the text and its meaning. */
  record Hit<T>(T value, Span span, String phrase) {}

  /**
   * How to read one match; empty means "not this after all" (the match is then left alone). The
   * text is the whole original text, consumed parts included, so a reading can look at the words
   * around its match.
   */
  @FunctionalInterface
  interface Reading<T> {
    Optional<T> read(Matcher match, String text);
  }

  /** A pattern and how to read a match of it. */
  record Rule<T>(Pattern pattern, Reading<T> reading) {

    /**
     * The pattern is matched case-insensitively and only at word boundaries; the inside of a number
     * such as "2,97,529" or "529,000" is not a word boundary, so no "529" is found there. Case
     * folding is ASCII only, which is all the phrases need and several times faster than Unicode
     * folding.
     */
    static <T> Rule<T> of(String regex, Reading<T> reading) {
      return new Rule<>(
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])(?<!\\d[,.])(?:" + regex + ")(?![\\p{L}\\p{N}])(?![,.]\\d)",
              Pattern.CASE_INSENSITIVE),
          reading);
    }
  }

  private final List<Rule<T>> rules;

  PhraseMatcher(List<Rule<T>> rules) {
    this.rules = List.copyOf(rules);
  }

  /**
   * A matcher for fixed meanings: each regular expression maps to one value. Phrases with the same
   * value are tried as one pattern, in the order given, so list longer phrases first.
   */
  static <T> PhraseMatcher<T> keywords(Map<String, T> phrases) {
    Map<T, List<String>> byValue = new LinkedHashMap<>();
    phrases.forEach(
        (regex, value) -> byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(regex));
    List<Rule<T>> rules = new ArrayList<>();
    byValue.forEach(
        (value, regexes) ->
            rules.add(Rule.of(String.join("|", regexes), (m, text) -> Optional.of(value))));
    return new PhraseMatcher<>(rules);
  }

  /**
   * All non-overlapping readings in text order.
   *
   * @param searched the text to search, consumed parts blanked
   * @param original the same text unblanked, for phrases and context
   */
  List<Hit<T>> findAll(String searched, String original) {
    List<Hit<T>> candidates = new ArrayList<>();
    List<Matcher> matchers = new ArrayList<>(rules.size());
    for (Rule<T> rule : rules) {
      matchers.add(rule.pattern().matcher(searched).useTransparentBounds(true));
    }
    // Every phrase starts a word, so only word starts are tried: far fewer attempts than a scan
    // of every position by every rule.
    for (int start = 0; start < searched.length(); start++) {
      if (!isWordStart(searched, start)) {
        continue;
      }
      for (int r = 0; r < rules.size(); r++) {
        Matcher m = matchers.get(r).region(start, searched.length());
        if (m.lookingAt()) {
          Span span = new Span(m.start(), m.end());
          String phrase = original.substring(m.start(), m.end());
          rules
              .get(r)
              .reading()
              .read(m, original)
              .ifPresent(v -> candidates.add(new Hit<>(v, span, phrase)));
        }
      }
    }
    candidates.sort(
        Comparator.comparingInt((Hit<T> h) -> h.span().start())
            .thenComparingInt(h -> h.span().start() - h.span().end()));
    List<Hit<T>> accepted = new ArrayList<>();
    for (Hit<T> hit : candidates) {
      if (accepted.stream().noneMatch(a -> a.span().overlaps(hit.span()))) {
        accepted.add(hit);
      }
    }
    return accepted;
  }

  private static boolean isWordStart(String text, int i) {
    char c = text.charAt(i);
    return !Character.isWhitespace(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
  }

  /** As {@link #findAll}, searching only unconsumed text and consuming what it reads. */
  List<Hit<T>> consumeAll(TextMask mask) {
    List<Hit<T>> hits = findAll(mask.masked(), mask.text());
    hits.forEach(h -> mask.consume(h.span()));
    return hits;
  }
}
