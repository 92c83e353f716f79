package dev.finpilot.goals;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValidationException;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the parser needs besides the text.
 *
 * @param asOf the date horizons are counted from ("in 10 years" is ten years after this)
 * @param currentAge the user's age, which turns "retire at 60" into a date; the text may also state
 *     it ("I'm 35")
 * @param defaultCurrency the currency of amounts that carry none of their own ("250k"): USD or INR
 */
public record ParseContext(LocalDate asOf, OptionalInt currentAge, Currency defaultCurrency) {

  public ParseContext {
    currentAge = currentAge == null ? OptionalInt.empty() : currentAge;
    defaultCurrency = defaultCurrency == null ? Money.USD : defaultCurrency;
    List<FieldError> errors = validate(asOf, currentAge, defaultCurrency);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** A context with no known age, reading unmarked amounts as USD. */
  public static ParseContext asOf(LocalDate asOf) {
    return new ParseContext(asOf, OptionalInt.empty(), Money.USD);
  }

  public ParseContext withCurrentAge(int age) {
    return new ParseContext(asOf, OptionalInt.of(age), defaultCurrency);
  }

  public ParseContext withDefaultCurrency(Currency currency) {
    return new ParseContext(asOf, currentAge, currency);
  }

  private static List<FieldError> validate(
      LocalDate asOf, OptionalInt currentAge, Currency defaultCurrency) {
    Validation v = new Validation();
    v.notNull(asOf, "asOf");
    currentAge.ifPresent(
        age -> v.between(age, FinancialState.MIN_AGE, FinancialState.MAX_AGE, "currentAge"));
    v.require(
        defaultCurrency.equals(Money.USD) || defaultCurrency.equals(Money.INR),
        "defaultCurrency",
        "must be USD or INR, was " + defaultCurrency.getCurrencyCode());
    return v.errors();
  }
}
