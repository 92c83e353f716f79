package dev.finpilot.insight.chat;

import dev.finpilot.domain.Money;
import dev.finpilot.goals.FigureReader.Amount;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.FigureReader.Per;
import dev.finpilot.goals.Horizon;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads money in or out once: "a $20k inheritance" (in), "take out $10,000" (out), and purchases:
 * "can I afford a $40k car next year?" is a what-if that takes the price out today. The what-if has
 * only one timing for a lump sum, today, so a purchase later is modelled as paid today: the
 * cautious reading, as the money then also misses the growth until the purchase. The note says so.
 */
final class LumpSumReading {
  static final Pattern AFFORD =
      Question.words("afford\\w*|buy\\w*|bought|purchas\\w*|pay\\s+for|spend\\w*\\s+.{0,30}\\s+on");
  private static final Pattern IN =
      Question.words(
          "inherit\\w*|bonus|windfall|gift\\w*|win|won|lottery|receiv\\w*|get|got|getting"
              + "|sell\\w*|sold|lump\\s+sum|deposit\\w*|add\\w*|put\\s+in|settlement|payout"
              + "|severance|come\\s+into|came\\s+into");
  private static final Pattern OUT =
      Question.words(
          "withdraw\\w*|take\\s+out|took\\s+out|taking\\s+out|spend\\w*|spent|pay\\w*|paid"
              + "|pull\\w*\\s+out|cash\\w*\\s+out|lose|lost|losing|cost\\w*");
  private static final Pattern SOON =
      Question.words(
          "next\\s+year|this\\s+year|now|today|right\\s+away|this\\s+month|next\\s+month"
              + "|immediately|soon");

  private LumpSumReading() {}

  static void read(
      Question q, List<Figure<Amount>> amounts, List<Figure<Horizon>> horizons, Draft d) {
    for (Figure<Amount> a : amounts) {
      if (d.isUsed(a) || a.value().per() != Per.ONCE) {
        continue;
      }
      boolean out = d.affordAsked || q.near(a, OUT);
      boolean in = !d.affordAsked && q.near(a, IN);
      d.changeAsked = true;
      d.use(a);
      if (in == out) {
        d.cannotRead(
            "I could not tell whether '"
                + a.quote()
                + "' comes into the portfolio or goes out of it; say 'a $20k inheritance' or"
                + " 'take out $20k'");
        return;
      }
      Money amount = Amounts.usd(a, d);
      if (amount == null) {
        return;
      }
      d.lumpSum = out ? amount.negate() : amount;
      d.quote("lumpSum", d.lumpSum, a);
      if (d.affordAsked) {
        timing(q, horizons, d);
      }
      return;
    }
    if (d.affordAsked && d.changed()) {
      // "buy the house 2 years later" moves the goal; it asks about no other purchase.
      d.affordAsked = false;
    } else if (d.affordAsked) {
      d.cannotRead("I could not read the price in " + q.quoted() + "; say 'a $40k car'");
    }
  }

  private static void timing(Question q, List<Figure<Horizon>> horizons, Draft d) {
    for (Figure<Horizon> h : horizons) {
      if (!d.isUsed(h)) {
        d.use(h);
        d.note(
            "the purchase '"
                + h.quote()
                + "' is modelled as paid today, the only timing a what-if takes: this overstates"
                + " its cost, as the money would have grown until then");
        return;
      }
    }
    if (!q.has(SOON)) {
      d.note("no date for the purchase; it is modelled as paid today");
    } else {
      d.note("the purchase is modelled as paid today, which is near enough for the date asked");
    }
  }
}
