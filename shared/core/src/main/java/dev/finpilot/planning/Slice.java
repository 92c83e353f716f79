package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.Money;

/**
 * One step of the monthly waterfall: how much of the saving budget a bucket took, out of what it
 * could have taken.
 *
 * @param account the account the money goes to, or null for a debt payment
 * @param debtName the debt that receives the extra payment, or null
 * @param goal the goal the saving is for, or null
 * @param cap the most the bucket would have taken with unlimited money
 */
record Slice(
    SavingBucket bucket,
    AccountType account,
    String debtName,
    Goal goal,
    Money monthly,
    Money cap,
    String reason) {

  boolean isDebt() {
    return debtName != null;
  }

  boolean full() {
    return !monthly.isLessThan(cap);
  }
}
