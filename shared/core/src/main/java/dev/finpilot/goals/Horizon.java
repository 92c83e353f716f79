package dev.finpilot.goals;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a goal is due, as the user said it: a span of time from today, a calendar date, or an age.
 * Each keeps the phrase it was read from so errors can quote it.
 */
public sealed interface Horizon {

  /** The words the horizon was read from, e.g. "in 10 years". */
  String phrase();

  /**
   * The target date, or empty when it cannot be known yet (an age without the user's current age).
   */
  Optional<LocalDate> resolve(LocalDate asOf, OptionalInt currentAge);

  /** "in 10 years", "within 18 months": a span counted from the as-of date. */
  record Within(Period period, String phrase) implements Horizon {
    public Within {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(phrase, "phrase");
    }

    @Override
    public Optional<LocalDate> resolve(LocalDate asOf, OptionalInt currentAge) {
      return Optional.of(asOf.plus(period));
    }
  }

  /** "by 2035", "by the end of 2030", "by June 2030": a calendar date. */
  record ByDate(LocalDate date, String phrase) implements Horizon {
    public ByDate {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(phrase, "phrase");
    }

    @Override
    public Optional<LocalDate> resolve(LocalDate asOf, OptionalInt currentAge) {
      return Optional.of(date);
    }
  }

  /**
   * "retire at 60", "by age 65", "when I'm 55": reached (age - current age) whole years after the
   * as-of date. Birthdays are not known, so the date is accurate to within a year.
   */
  record AtAge(int age, String phrase) implements Horizon {
    public AtAge {
      Objects.requireNonNull(phrase, "phrase");
    }

    @Override
    public Optional<LocalDate> resolve(LocalDate asOf, OptionalInt currentAge) {
      return currentAge.isPresent()
          ? Optional.of(asOf.plusYears((long) age - currentAge.getAsInt()))
          : Optional.empty();
    }
  }
}
