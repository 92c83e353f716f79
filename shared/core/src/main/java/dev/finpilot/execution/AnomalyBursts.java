package dev.finpilot.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Days with more executions than the user's own rate makes plausible. An execution, not a
 * transaction, is the unit: a plan's first month posts up to 40 transactions in one go on purpose.
 * The user's rate is their executions per day over the days their history spans; a day is flagged
 * when a Poisson count at that rate would reach its number of executions less than once in a
 * thousand days (about once in three years), and never below {@value #MIN_BURST}, since two
 * executions on a day (an operation and its correction) are ordinary for anyone.
 */
final class AnomalyBursts {
  static final int MIN_BURST = 3;
  static final double TAIL = 0.001;

  /** A rate needs at least this many executions over at least this many days to mean anything. */
  static final int MIN_EXECUTIONS = 10;

  static final int MIN_DAYS = 30;

  private AnomalyBursts() {}

  static void find(List<Transaction> settled, List<LedgerAnomaly> into, List<String> notChecked) {
    TreeMap<LocalDate, Set<String>> executionsByDay = new TreeMap<>();
    Map<LocalDate, List<String>> transactionsByDay = new TreeMap<>();
    for (Transaction t : settled) {
      LocalDate day = LocalDate.ofInstant(t.postedAt(), ZoneOffset.UTC);
      executionsByDay.computeIfAbsent(day, d -> new LinkedHashSet<>()).add(t.executionKey());
      transactionsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(t.id());
    }
    int executions = executionsByDay.values().stream().mapToInt(Set::size).sum();
    if (executionsByDay.isEmpty()) {
      notChecked.add("bursts: no transactions");
      return;
    }
    LocalDate first = executionsByDay.firstKey();
    LocalDate last = executionsByDay.lastKey();
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    if (executions < MIN_EXECUTIONS || days < MIN_DAYS) {
      notChecked.add(
          "bursts: "
              + executions
              + " executions over "
              + days
              + " days; at least "
              + MIN_EXECUTIONS
              + " over "
              + MIN_DAYS
              + " days are needed to know the usual rate");
      return;
    }
    double rate = (double) executions / days;
    int threshold = Math.max(MIN_BURST, poissonThreshold(rate));
    BigDecimal shownRate = BigDecimal.valueOf(rate).setScale(3, RoundingMode.HALF_EVEN);
    executionsByDay.forEach(
        (day, keys) -> {
          if (keys.size() >= threshold) {
            into.add(
                LedgerAnomaly.burst(
                    transactionsByDay.get(day),
                    keys.size()
                        + " executions on "
                        + day
                        + " against this user's usual "
                        + shownRate.toPlainString()
                        + " a day ("
                        + executions
                        + " over "
                        + days
                        + " days): at that rate "
                        + threshold
                        + " or more on one day happen less than once in "
                        + Math.round(1 / TAIL)
                        + " days",
                    keys.size(),
                    shownRate,
                    threshold));
          }
        });
  }

  /** The smallest k with P(X >= k) below {@link #TAIL} for X Poisson with mean {@code rate}. */
  static int poissonThreshold(double rate) {
    double pmf = Math.exp(-rate);
    double below = 0;
    int k = 0;
    while (1 - below >= TAIL) {
      below += pmf;
      k++;
      pmf *= rate / k;
    }
    return k;
  }
}
