package dev.finpilot.insight.chat;

import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.FigureReader.Percent;
import dev.finpilot.market.AssumptionsDocument;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a change of inflation, relative ("inflation 2 points higher") or as a level ("inflation at
 * 5%"). A level is turned into points relative to the version's own inflation assumption, the mean
 * of its market snapshot, and the note says so with the numbers.
 */
final class InflationReading {
  private static final Pattern INFLATION =
      Question.words("inflation|cpi|cost\\s+of\\s+living|prices\\s+(?:rise|go\\s+up)");
  private static final Pattern HIGHER_AFTER =
      Pattern.compile(
          "^\\s*(?:a\\s+year\\s+)?(?:higher|more|above|up|extra|on\\s+top)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LOWER_AFTER =
      Pattern.compile(
          "^\\s*(?:a\\s+year\\s+)?(?:lower|less|below|down|cooler)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HIGHER_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?:extra|additional|rises?|rising|increases?|jumps?|goes\\s+up|up)"
              + "\\s+(?:by\\s+)?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LOWER_BEFORE =
      Pattern.compile(
          "(?<![\\p{L}])(?:falls?|drops?|decreases?|goes\\s+down|down)\\s+(?:by\\s+)?$",
          Pattern.CASE_INSENSITIVE);
  private static final int FRACTION_SCALE = 4;

  private InflationReading() {}

  static void read(Question q, List<Figure<Percent>> percents, Draft d) {
    if (!q.has(INFLATION)) {
      return;
    }
    d.changeAsked = true;
    Optional<Figure<Percent>> closest = q.closest(percents, INFLATION, d);
    if (closest.isEmpty()) {
      d.cannotRead(
          "I could not read how much inflation changes in "
              + q.quoted()
              + "; say 'inflation 2 points higher' or 'inflation at 5%'");
      return;
    }
    Figure<Percent> p = closest.get();
    BigDecimal said = p.value().fraction();
    boolean higher = q.right(p, HIGHER_AFTER) || q.left(p, HIGHER_BEFORE);
    boolean lower = q.right(p, LOWER_AFTER) || q.left(p, LOWER_BEFORE);
    if (higher != lower) {
      relative(p, higher ? said : said.negate(), d);
    } else if (p.value().points()) {
      d.cannotRead(
          "I could not tell whether inflation is '"
              + p.quote()
              + "' higher or lower; say 'inflation 2 points higher' or 'inflation at 5%'");
    } else {
      level(q, p, said, d);
    }
  }

  private static void relative(Figure<Percent> p, BigDecimal change, Draft d) {
    d.extraInflation = change;
    d.quote("extraInflation", change.toPlainString(), p);
    if (!p.value().points()) {
      d.note(
          "read '"
              + p.quote()
              + "' as "
              + points(change.abs())
              + " points of inflation a year, not a share of today's rate");
    }
  }

  private static void level(Question q, Figure<Percent> p, BigDecimal level, Draft d) {
    AssumptionsDocument assumptions = q.subject().snapshot().assumptions();
    BigDecimal assumed =
        BigDecimal.valueOf(assumptions.inflation().arithmeticMean())
            .setScale(FRACTION_SCALE, RoundingMode.HALF_EVEN);
    BigDecimal extra = level.subtract(assumed);
    d.extraInflation = extra;
    d.quote("extraInflation", extra.toPlainString(), p);
    d.note(
        "inflation at "
            + percent(level)
            + " is "
            + points(extra.abs())
            + (extra.signum() < 0 ? " points a year below" : " points a year above")
            + " the version's assumption of "
            + percent(assumed)
            + " ("
            + assumptions.source()
            + ")");
  }

  private static String points(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
  }

  private static String percent(BigDecimal fraction) {
    return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }
}
