package dev.finpilot.insight.chat;

import dev.finpilot.domain.Money;
import dev.finpilot.goals.FigureReader.Amount;
import dev.finpilot.goals.FigureReader.Figure;

/** Amounts of a question as money of the plan, which is kept in US dollars. */
final class Amounts {
  private Amounts() {}

  /** The amount in USD, or null after saying why it cannot be used. */
  static Money usd(Figure<Amount> a, Draft d) {
    if (a.value().currency().isPresent() && !a.value().currency().get().equals(Money.USD)) {
      d.cannotRead(
          "'"
              + a.quote()
              + "' is in "
              + a.value().currency().get().getCurrencyCode()
              + " and the plan is in USD; no exchange rate is assumed");
      return null;
    }
    if (a.value().currency().isEmpty()) {
      d.note("'" + a.quote() + "' has no currency; read as US dollars, the plan's currency");
    }
    return Money.usd(a.value().value());
  }
}
