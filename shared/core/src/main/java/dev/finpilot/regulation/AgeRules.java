package dev.finpilot.regulation;

import java.util.List;
import java.util.OptionalInt;

/**
 * Age-based rules that do not change by tax year: early withdrawals, the HSA catch-up age and the
 * required-minimum-distribution age by birth cohort.
 *
 * @param catchUpAgeBasis the data set's statement of how catch-up ages are counted
 * @param rmdNote the caveat on the 1959 cohort
 */
public record AgeRules(
    EarlyWithdrawalRules earlyWithdrawal,
    String catchUpAgeBasis,
    int hsaCatchUpAge,
    List<RmdCohort> rmdCohorts,
    Citation rmdSource,
    String rmdNote) {

  /**
   * People born from {@code bornFrom} to {@code bornTo} (empty: no upper bound) start RMDs at age.
   */
  public record RmdCohort(int bornFrom, OptionalInt bornTo, int age) {
    boolean contains(int birthYear) {
      return birthYear >= bornFrom && (bornTo.isEmpty() || birthYear <= bornTo.getAsInt());
    }
  }

  public AgeRules {
    rmdCohorts = List.copyOf(rmdCohorts);
  }

  /**
   * SECURE 2.0 applicable age: 73 for people born 1951-1959, 75 from 1960. Earlier cohorts already
   * fell under older rules (70 1/2 or 72) that the table does not hold, so they are refused.
   */
  public Cited<Integer> rmdApplicableAge(int birthYear) {
    for (RmdCohort cohort : rmdCohorts) {
      if (cohort.contains(birthYear)) {
        return new Cited<>(cohort.age(), rmdSource);
      }
    }
    throw new IllegalArgumentException(
        "birthYear: "
            + birthYear
            + " is before the first cohort in the table ("
            + rmdCohorts.get(0).bornFrom()
            + ")");
  }
}
