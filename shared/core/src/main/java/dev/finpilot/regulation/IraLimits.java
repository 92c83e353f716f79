package dev.finpilot.regulation;

import dev.finpilot.domain.Money;

/** The IRA contribution limit, shared by all of a person's traditional and Roth IRAs. */
public record IraLimits(Money contribution, Money catchUp50, Citation source) {

  public Money limit(int age) {
    Ages.require(age);
    return age >= Ages.CATCH_UP ? contribution.plus(catchUp50) : contribution;
  }
}
