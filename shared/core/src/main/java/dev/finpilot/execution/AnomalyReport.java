package dev.finpilot.execution;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@link LedgerAnomalies} found in a user's transactions.
 *
 * @param asOf the date the check was made for (the tax year and the months left come from it)
 * @param transactionsRead how many transactions were looked at
 * @param anomalies what is unusual, amounts first, then bursts, then limits
 * @param notChecked each check that could not be made and why (too little history, no plan, no
 *     limits for the year), so a clean report is never mistaken for a checked one
 */
public record AnomalyReport(
    LocalDate asOf, int transactionsRead, List<LedgerAnomaly> anomalies, List<String> notChecked) {

  public AnomalyReport {
    anomalies = List.copyOf(anomalies);
    notChecked = List.copyOf(notChecked);
  }
}
