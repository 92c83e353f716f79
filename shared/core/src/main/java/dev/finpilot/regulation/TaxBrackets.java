package dev.finpilot.regulation;

import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Ordinary income tax brackets of one filing status's schedule. Each bracket's rate applies to
 * taxable income above the previous bracket's upper edge and up to its own; the last bracket is
 * unbounded.
 *
 * @param scheduleOf the filing status whose schedule these are; differs from the status asked for
 *     when the table has no schedule of its own for it (see {@link IncomeTaxSchedules})
 */
public record TaxBrackets(FilingStatus scheduleOf, List<Bracket> brackets) {

  /** One bracket; {@code upTo} is empty for the top bracket. */
  public record Bracket(BigDecimal rate, Optional<Money> upTo) {
    public Bracket {
      Objects.requireNonNull(rate, "rate");
      Objects.requireNonNull(upTo, "upTo");
    }
  }

  public TaxBrackets {
    brackets = List.copyOf(brackets);
    if (brackets.isEmpty() || brackets.get(brackets.size() - 1).upTo().isPresent()) {
      throw new IllegalArgumentException("the last tax bracket must be unbounded");
    }
    Money previous = null;
    for (int i = 0; i < brackets.size() - 1; i++) {
      Money edge =
          brackets
              .get(i)
              .upTo()
              .orElseThrow(
                  () -> new IllegalArgumentException("only the last tax bracket may be unbounded"));
      if (previous != null && !edge.isGreaterThan(previous)) {
        throw new IllegalArgumentException("tax bracket edges must increase");
      }
      previous = edge;
    }
  }

  /** Tax on taxable income (after deductions), each bracket rounded to the cent. */
  public Money taxOn(Money taxableIncome) {
    Money tax = Money.zero(taxableIncome.currency());
    Money lower = Money.zero(taxableIncome.currency());
    for (Bracket bracket : brackets) {
      if (!taxableIncome.isGreaterThan(lower)) {
        break;
      }
      Money upper = bracket.upTo().map(taxableIncome::min).orElse(taxableIncome);
      tax = tax.plus(upper.minus(lower).times(bracket.rate()));
      lower = upper;
    }
    return tax;
  }

  public BigDecimal marginalRate(Money taxableIncome) {
    for (Bracket bracket : brackets) {
      if (bracket.upTo().map(edge -> !taxableIncome.isGreaterThan(edge)).orElse(true)) {
        return bracket.rate();
      }
    }
    throw new IllegalStateException("unreachable: the last bracket is unbounded");
  }
}
