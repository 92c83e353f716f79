package dev.finpilot.execution;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** Units of one security held in one account, with the total cost paid for them. */
public record Holding(Asset asset, BigDecimal quantity, Money costBasis) {

  public Holding {
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(costBasis, "costBasis");
    quantity = Quantities.normalize(Objects.requireNonNull(quantity, "quantity"));
  }

  static Holding empty(Asset asset, Money zero) {
    return new Holding(asset, BigDecimal.ZERO, zero);
  }

  Holding post(Posting posting) {
    return new Holding(asset, quantity.add(posting.quantity()), costBasis.plus(posting.amount()));
  }

  boolean isEmpty() {
    return quantity.signum() == 0;
  }

  /**
   * Market value at an exact price per unit in the cost basis' currency, rounded half-even to the
   * cent once: a quote keeps its own precision until then.
   */
  public Money valueAt(BigDecimal unitPrice) {
    return Money.of(unitPrice.multiply(quantity), costBasis.currency());
  }
}
