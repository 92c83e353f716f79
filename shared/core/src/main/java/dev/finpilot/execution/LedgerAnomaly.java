package dev.finpilot.execution;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * One unusual thing in a user's ledger, with the reason in words and the numbers behind it. Fields
 * that do not apply to the kind are null.
 *
 * @param transactions the ids of the transactions concerned
 * @param amount {@code UNUSUAL_AMOUNT}: the transaction's amount; {@code CONTRIBUTION_LIMIT}: the
 *     year's contributions with the plan's schedule to December
 * @param typical {@code UNUSUAL_AMOUNT}: the median amount of the type; {@code CONTRIBUTION_LIMIT}:
 *     contributed so far this tax year
 * @param threshold {@code UNUSUAL_AMOUNT}: the amount above which it is flagged; {@code
 *     CONTRIBUTION_LIMIT}: the plan's scheduled monthly contribution
 * @param count {@code BURST}: executions on the day
 * @param typicalCount {@code BURST}: the user's executions per day over their history
 * @param countThreshold {@code BURST}: the count from which a day is flagged
 * @param limit {@code CONTRIBUTION_LIMIT}: the annual limit for the person's age
 * @param limitSource where the limit comes from
 * @param crossesIn {@code CONTRIBUTION_LIMIT}: the month (yyyy-MM) whose contribution would pass
 *     the limit
 */
public record LedgerAnomaly(
    AnomalyKind kind,
    List<String> transactions,
    String reason,
    Money amount,
    Money typical,
    Money threshold,
    Integer count,
    BigDecimal typicalCount,
    Integer countThreshold,
    Money limit,
    String limitSource,
    String crossesIn) {

  public LedgerAnomaly {
    transactions = List.copyOf(transactions);
  }

  static LedgerAnomaly amount(
      String transaction, String reason, Money amount, Money typical, Money threshold) {
    return new LedgerAnomaly(
        AnomalyKind.UNUSUAL_AMOUNT,
        List.of(transaction),
        reason,
        amount,
        typical,
        threshold,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static LedgerAnomaly burst(
      List<String> transactions, String reason, int count, BigDecimal rate, int threshold) {
    return new LedgerAnomaly(
        AnomalyKind.BURST,
        transactions,
        reason,
        null,
        null,
        null,
        count,
        rate,
        threshold,
        null,
        null,
        null);
  }
}
