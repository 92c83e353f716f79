package dev.finpilot.insight.chat;

import dev.finpilot.domain.Money;
import dev.finpilot.goals.FigureReader.Amount;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.FigureReader.Per;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a change of monthly saving: "save $500 more a month", "$200 less a month", "an extra $300 a
 * month", "cut my savings by $2,400 a year". The direction must be said: "save $1,000 a month"
 * could be on top of the plan or instead of it, so it is not guessed.
 */
final class SavingReading {
  static final Pattern MORE =
      Question.words(
          "more|extra|additional|increas\\w*|rais\\w*|boost\\w*|add\\w*|another|on\\s+top|top\\s+up"
              + "|up");
  static final Pattern LESS =
      Question.words(
          "less|fewer|cut\\w*|reduc\\w*|lower\\w*|decreas\\w*|drop\\w*|stop\\w*|skip\\w*|down");
  private static final Pattern SAVE =
      Question.words(
          "sav\\w*|contribut\\w*|put\\s+(?:away|aside|in)|set\\s+aside|invest\\w*|deposit\\w*"
              + "|put");
  private static final Pattern INCOME =
      Question.words("earn\\w*|income|salary|pay\\s+(?:rise|raise|cut)|make|paid|raise\\s+of");

  /** A cadence after a direction word: "$500 more a month", "$200 less per year". */
  private static final Pattern CADENCE_AFTER_DIRECTION =
      Pattern.compile(
          "^\\s*(?:more|less|extra|fewer)\\s+(?:(?:a|per|each|every)\\s+(?<unit>month|year)"
              + "|(?<adverb>monthly|yearly|annually))(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);

  private SavingReading() {}

  static void read(Question q, List<Figure<Amount>> amounts, Draft d) {
    for (Figure<Amount> a : amounts) {
      Per per = per(q, a);
      boolean more = q.near(a, MORE);
      boolean less = q.near(a, LESS);
      boolean saving = q.near(a, SAVE) || more != less;
      if (d.isUsed(a) || per == Per.ONCE && !(q.has(SAVE) && more != less)) {
        continue;
      }
      if (q.near(a, INCOME) && !q.near(a, SAVE)) {
        d.use(a);
        d.cannotRead(
            "'"
                + a.quote()
                + "' reads as a change of income, which a what-if of this version cannot take;"
                + " report it as a life event to replan");
        return;
      }
      if (!saving) {
        continue;
      }
      take(q, a, per, more, less, d);
      return;
    }
    if (q.has(SAVE) && (q.has(MORE) || q.has(LESS)) && d.monthlySaving == null) {
      d.cannotRead(
          "I could not read how much more or less to save in "
              + q.quoted()
              + "; say 'save $500 more a month'");
    }
  }

  private static void take(
      Question q, Figure<Amount> a, Per per, boolean more, boolean less, Draft d) {
    d.changeAsked = true;
    d.use(a);
    if (more == less) {
      d.cannotRead(
          "I could not tell whether '"
              + a.quote()
              + "' is more or less than the plan saves now ("
              + q.subject().plan().totalMonthlySaving().formatted()
              + " a month); say '"
              + a.quote()
              + " more' or '"
              + a.quote()
              + " less'");
      return;
    }
    Money amount = Amounts.usd(a, d);
    if (amount == null) {
      return;
    }
    Money monthly = per == Per.YEAR ? amount.dividedBy(12) : amount;
    if (per == Per.YEAR) {
      d.note("read the yearly '" + a.quote() + "' as " + monthly.formatted() + " a month");
    } else if (a.value().per() == Per.ONCE && per == Per.ONCE) {
      d.note("'" + a.quote() + "' has no period; read as a month, the period the plan saves in");
    }
    d.monthlySaving = less ? monthly.negate() : monthly;
    d.quote("monthlySaving", d.monthlySaving, a);
  }

  /** The amount's cadence, also when a direction word stands between it and "a month". */
  private static Per per(Question q, Figure<Amount> a) {
    if (a.value().per() != Per.ONCE) {
      return a.value().per();
    }
    Matcher m = CADENCE_AFTER_DIRECTION.matcher(q.text()).region(a.end(), q.text().length());
    if (!m.lookingAt()) {
      return Per.ONCE;
    }
    String unit = m.group("unit") != null ? m.group("unit") : m.group("adverb");
    return unit.toLowerCase(java.util.Locale.ROOT).startsWith("mo") ? Per.MONTH : Per.YEAR;
  }
}
