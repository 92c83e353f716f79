package dev.finpilot.insight.chat;

import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.FigureReader.Percent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a fall of the market: "if the market falls 30% next year", "a 30% crash", "stocks drop by
 * 25 percent". The what-if applies it to equities in the plan's first year; bonds and cash keep
 * their returns.
 */
final class MarketFallReading {
  private static final Pattern MARKET =
      Question.words(
          "(?:stock\\s+)?markets?|stocks?|equit(?:y|ies)|s&p(?:\\s*500)?|shares|the\\s+dow"
              + "|nasdaq|portfolio|investments");
  private static final Pattern FALL =
      Question.words(
          "fall\\w*|fell|drop\\w*|crash\\w*|declin\\w*|plung\\w*|plummet\\w*|tank\\w*|los[et]\\w*"
              + "|down|slump\\w*|sink\\w*|sank|correction|bear\\s+market");
  private static final Pattern CRASH = Question.words("crash\\w*|correction|bear\\s+market");
  private static final Pattern NEXT_YEAR =
      Question.words("next\\s+year|this\\s+year|tomorrow|now|right\\s+away|immediately");

  private MarketFallReading() {}

  static void read(Question q, List<Figure<Percent>> percents, Draft d) {
    Optional<Figure<Percent>> closest = q.closest(percents, FALL, d);
    if (closest.isEmpty()) {
      return;
    }
    Figure<Percent> p = closest.get();
    if (!q.near(p, MARKET) && !q.near(p, CRASH)) {
      return;
    }
    d.changeAsked = true;
    BigDecimal fall = p.value().fraction();
    d.quote("marketFall", fall.toPlainString(), p);
    if (fall.signum() <= 0 || fall.compareTo(BigDecimal.ONE) >= 0) {
      d.cannotRead(
          "a market fall of '"
              + p.quote()
              + "' is not one the what-if can take: it must be above 0% and below 100%");
      return;
    }
    d.marketFall = fall;
    if (!q.has(NEXT_YEAR)) {
      d.note(
          "the fall is applied to equities in the plan's first year, the only timing the"
              + " what-if takes; bonds and cash keep their returns");
    }
  }
}
