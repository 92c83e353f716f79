package dev.finpilot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.RegulatoryTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Hand-built ledgers of the typical household (35, self-only HSA), one per kind of anomaly. */
class LedgerAnomaliesTest {
  private static final RegulatoryTable TABLE = RegulatoryTable.usDefault();
  private static final FinancialState HOUSEHOLD = FinancialStateFixtures.typical();
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

  private static Instant at(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  private static Transaction deposit(String key, String amount, LocalDate day) {
    Money m = Money.usd(amount);
    return new Transaction(
        key + "/0",
        key,
        0,
        TransactionType.DEPOSIT,
        AccountType.CASH,
        m,
        OptionalInt.empty(),
        Optional.empty(),
        at(day),
        "deposit " + m,
        Posting.move(Book.EXTERNAL, Book.of(AccountType.CASH), m));
  }

  private static Transaction contribution(
      String key, AccountType account, String amount, LocalDate day) {
    Money m = Money.usd(amount);
    return new Transaction(
        key + "/0",
        key,
        0,
        TransactionType.CONTRIBUTION,
        account,
        m,
        OptionalInt.of(day.getYear()),
        Optional.empty(),
        at(day),
        "contribute " + m,
        Posting.move(Book.EXTERNAL, Book.of(account), m));
  }

  /** Monthly deposits on the 5th from January 2025, one amount each. */
  private static List<Transaction> monthlyDeposits(String... amounts) {
    List<Transaction> list = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      list.add(deposit("dep-" + i, amounts[i], LocalDate.of(2025, 1, 5).plusMonths(i)));
    }
    return list;
  }

  private static AnomalyReport find(List<Transaction> ledger, List<Contribution> scheduled) {
    return LedgerAnomalies.find(ledger, scheduled, HOUSEHOLD, TABLE, TODAY);
  }

  @Test
  void aRegularLedgerHasNothingUnusualAndEveryCheckWasMade() {
    List<Transaction> ledger =
        monthlyDeposits(
            "1000", "1050", "980", "1010", "1000", "1020", "990", "1010", "1000", "1040", "1000",
            "1030");
    AnomalyReport report =
        find(ledger, List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(500))));

    assertThat(report.anomalies()).isEmpty();
    assertThat(report.notChecked()).isEmpty();
    assertThat(report.transactionsRead()).isEqualTo(12);
  }

  @Test
  void anAmountFarAboveTheUsersOwnMedianIsFlaggedWithTheRobustThreshold() {
    List<Transaction> ledger =
        monthlyDeposits(
            "500", "520", "480", "510", "490", "505", "495", "530", "470", "500", "5000");
    AnomalyReport report = find(ledger, List.of());

    // Median 500; absolute deviations 0,0,5,5,10,10,20,20,30,30,4500 have median 10;
    // 500 + 3.5 x 10 / 0.6745 = 551.89, below twice the median, $1,000, the threshold.
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AnomalyKind.UNUSUAL_AMOUNT);
              assertThat(a.transactions()).containsExactly("dep-10/0");
              assertThat(a.amount()).isEqualTo(Money.usd(5_000));
              assertThat(a.typical()).isEqualTo(Money.usd(500));
              assertThat(a.threshold()).isEqualTo(Money.usd(1_000));
              assertThat(a.reason())
                  .isEqualTo(
                      "a deposit of $5,000.00 is far above this user's usual deposit of $500.00"
                          + " (the median of 11): above $1,000.00, the larger of twice the"
                          + " median and the median plus 3.5 robust standard deviations"
                          + " ($551.89; MAD $10.00)");
            });
  }

  @Test
  void aTenPercentRaiseInATightHistoryIsNotFarOut() {
    // Median 1,005 and MAD 15 put the robust threshold at 1,082.84; twice the median decides.
    List<Transaction> ledger =
        monthlyDeposits(
            "1000", "1050", "980", "1100", "1000", "1020", "990", "1010", "1000", "1040", "1000",
            "1030");

    assertThat(find(ledger, List.of()).anomalies()).isEmpty();
  }

  @Test
  void whenMostAmountsAreEqualTheMeanAbsoluteDeviationStandsInForTheMad() {
    List<Transaction> ledger =
        monthlyDeposits(
            "500", "500", "500", "500", "500", "500", "500", "500", "500", "500", "2000");
    LedgerAnomaly flagged = find(ledger, List.of()).anomalies().get(0);

    // MAD 0; mean absolute deviation 1500 / 11 = 136.36; x 1.2533 x 3.5 = 598.17 above 500.
    assertThat(flagged.threshold()).isEqualTo(Money.usd("1098.17"));
    assertThat(flagged.transactions()).containsExactly("dep-10/0");
  }

  @Test
  void tooLittleHistoryFlagsNothingAndSaysWhy() {
    AnomalyReport report = find(monthlyDeposits("500", "520", "50000", "510"), List.of());

    assertThat(report.anomalies()).isEmpty();
    assertThat(report.notChecked())
        .containsExactly(
            "amounts of deposit: 4 transactions, at least 10 are needed to know what is usual",
            "bursts: 4 executions over 91 days; at least 10 over 30 days are needed to know the"
                + " usual rate");
  }

  @Test
  void anUndoneTransactionIsNotUnusualActivity() {
    List<Transaction> ledger =
        new ArrayList<>(
            monthlyDeposits("500", "520", "480", "510", "490", "505", "495", "530", "470", "500"));
    Transaction big = deposit("big", "50000", LocalDate.of(2025, 11, 20));
    ledger.add(big);
    ledger.add(big.reversal(at(LocalDate.of(2025, 11, 20))));

    assertThat(find(ledger, List.of()).anomalies()).isEmpty();
  }

  @Test
  void aDayWithMoreExecutionsThanTheUsersRateMakesPlausibleIsABurst() {
    List<Transaction> ledger =
        new ArrayList<>(
            monthlyDeposits(
                "500", "520", "480", "510", "490", "505", "495", "530", "470", "500", "505",
                "495"));
    LocalDate day = LocalDate.of(2025, 12, 10);
    for (int i = 0; i < 4; i++) {
      ledger.add(deposit("manual-" + i, "500", day));
    }
    AnomalyReport report = find(ledger, List.of());

    // 16 executions from 2025-01-05 to 2025-12-10 (340 days): 0.047 a day. At that rate
    // P(X >= 2) = 0.0011 and P(X >= 3) = 0.000017, so 3 on a day is the threshold.
    assertThat(AnomalyBursts.poissonThreshold(16.0 / 340)).isEqualTo(3);
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AnomalyKind.BURST);
              assertThat(a.count()).isEqualTo(4);
              assertThat(a.typicalCount()).isEqualByComparingTo(new BigDecimal("0.047"));
              assertThat(a.countThreshold()).isEqualTo(3);
              assertThat(a.transactions())
                  .containsExactly("manual-0/0", "manual-1/0", "manual-2/0", "manual-3/0");
              assertThat(a.reason()).startsWith("4 executions on 2025-12-10");
            });
  }

  @Test
  void onePlanExecutionPostingManyTransactionsAtOnceIsNotABurst() {
    List<Transaction> ledger =
        new ArrayList<>(
            monthlyDeposits(
                "500", "520", "480", "510", "490", "505", "495", "530", "470", "500", "505",
                "495"));
    for (int step = 0; step < 5; step++) {
      Money m = Money.usd(100);
      ledger.add(
          new Transaction(
              "plan-1#v1#first-month/" + step,
              "plan-1#v1#first-month",
              step,
              TransactionType.TRANSFER,
              AccountType.TAXABLE_BROKERAGE,
              m,
              OptionalInt.empty(),
              Optional.empty(),
              at(LocalDate.of(2025, 12, 10)),
              "transfer",
              Posting.move(Book.of(AccountType.CASH), Book.of(AccountType.TAXABLE_BROKERAGE), m)));
    }

    assertThat(find(ledger, List.of()).anomalies()).noneMatch(a -> a.kind() == AnomalyKind.BURST);
  }

  @Test
  void contributionsThatWouldPassTheLimitLaterInTheYearNameTheMonthAndTheSource() {
    List<Transaction> ledger = new ArrayList<>();
    for (int month = 1; month <= 6; month++) {
      ledger.add(
          contribution("ira-" + month, AccountType.ROTH_IRA, "600", LocalDate.of(2026, month, 2)));
    }
    AnomalyReport report =
        find(ledger, List.of(new Contribution(AccountType.ROTH_IRA, Money.usd(800))));

    // $3,600 so far (June paid); July to December at $800: 4,400, 5,200, 6,000, 6,800, 7,600
    // in November passes the 2026 IRA limit of $7,500 for age 35; December ends at 8,400.
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.kind()).isEqualTo(AnomalyKind.CONTRIBUTION_LIMIT);
              assertThat(a.crossesIn()).isEqualTo("2026-11");
              assertThat(a.typical()).isEqualTo(Money.usd(3_600));
              assertThat(a.threshold()).isEqualTo(Money.usd(800));
              assertThat(a.amount()).isEqualTo(Money.usd(8_400));
              assertThat(a.limit()).isEqualTo(Money.usd(7_500));
              assertThat(a.limitSource()).contains("2025-67");
              assertThat(a.transactions()).hasSize(6);
              assertThat(a.reason())
                  .startsWith(
                      "IRA contributions (traditional + Roth) of $3,600.00 so far in 2026 plus"
                          + " the plan's $800.00 a month from 2026-07 come to $8,400.00, above"
                          + " the 2026 limit of $7,500.00 for age 35")
                  .endsWith("the contribution of 2026-11 would pass it, by $900.00 by December");
            });
  }

  @Test
  void aMonthNotYetContributedStillCounts() {
    List<Transaction> ledger = new ArrayList<>();
    for (int month = 1; month <= 5; month++) {
      ledger.add(
          contribution("hsa-" + month, AccountType.HSA, "400", LocalDate.of(2026, month, 2)));
    }
    AnomalyReport report = find(ledger, List.of(new Contribution(AccountType.HSA, Money.usd(400))));

    // $2,000 so far, June not yet paid: June to December is 7 x 400 = 2,800, total 4,800 above
    // the 2026 self-only HSA limit of $4,400; 2,000 + 6 x 400 = 4,400 in November is still at it.
    assertThat(report.anomalies())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.crossesIn()).isEqualTo("2026-12");
              assertThat(a.amount()).isEqualTo(Money.usd(4_800));
              assertThat(a.limit()).isEqualTo(Money.usd(4_400));
            });
  }

  @Test
  void aReportSerialisesAsPlainFields() {
    List<Transaction> ledger =
        monthlyDeposits(
            "500", "520", "480", "510", "490", "505", "495", "530", "470", "500", "5000");
    AnomalyReport report = find(ledger, List.of());

    assertThat(JsonMapping.read(JsonMapping.write(report), AnomalyReport.class)).isEqualTo(report);
    assertThat(JsonMapping.readTree(JsonMapping.write(report)).at("/anomalies/0/kind").asText())
        .isEqualTo("UNUSUAL_AMOUNT");
  }

  @Test
  void withoutAPlanTheLimitCheckIsReportedAsNotMade() {
    AnomalyReport report =
        LedgerAnomalies.find(monthlyDeposits("500"), List.of(), null, TABLE, TODAY);

    assertThat(report.notChecked())
        .contains("contribution limits: no plan, so no scheduled contributions to project");
  }

  @Test
  void aYearTheTableDoesNotCoverIsReportedAsNotChecked() {
    AnomalyReport report =
        LedgerAnomalies.find(List.of(), List.of(), HOUSEHOLD, TABLE, LocalDate.of(2031, 1, 2));

    assertThat(report.notChecked())
        .containsExactly(
            "bursts: no transactions",
            "contribution limits: the regulatory table has no limits for 2031");
  }
}
