package dev.finpilot.execution;

import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.regulation.RegulatoryTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags unusual ledger activity of one user from their own transactions: an amount far above their
 * usual amounts of its type, a day with more executions than their own rate makes plausible, and
 * contributions that would pass an annual limit later in the year. A pure function: the caller
 * reads the transactions (the API pages {@link LedgerStore#transactions}) and passes the plan's
 * scheduled contributions. Transactions undone by a reversal, and the reversals, are left out: what
 * was undone did not happen. docs/insight.md section 7.
 */
public final class LedgerAnomalies {

  private LedgerAnomalies() {}

  /**
   * @param transactions the user's transactions, in any order
   * @param scheduled the monthly contributions of the plan in force; empty without one
   * @param household the plan's household (age for catch-up limits, HSA coverage); null without a
   *     plan, and the limit check is then reported as not made
   * @param today the date the tax year and the months left are counted from
   */
  public static AnomalyReport find(
      List<Transaction> transactions,
      List<Contribution> scheduled,
      FinancialState household,
      RegulatoryTable table,
      LocalDate today) {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(today, "today");
    List<Transaction> settled = settled(transactions);
    List<LedgerAnomaly> anomalies = new ArrayList<>();
    List<String> notChecked = new ArrayList<>();
    AnomalyAmounts.find(settled, anomalies, notChecked);
    AnomalyBursts.find(settled, anomalies, notChecked);
    AnomalyLimits.find(
        settled,
        scheduled == null ? List.of() : scheduled,
        household,
        table,
        today,
        anomalies,
        notChecked);
    return new AnomalyReport(today, transactions.size(), anomalies, notChecked);
  }

  private static List<Transaction> settled(List<Transaction> transactions) {
    Set<String> undone =
        transactions.stream()
            .filter(Transaction::isReversal)
            .map(t -> t.reversalOf().orElseThrow())
            .collect(Collectors.toSet());
    return transactions.stream().filter(t -> !t.isReversal() && !undone.contains(t.id())).toList();
  }
}
