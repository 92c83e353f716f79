package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.regulation.Cited;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.regulation.TaxYearLimits;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Contributions that would pass an annual limit later in the year: what the ledger holds for this
 * tax year plus the plan's scheduled monthly contribution for each month left, against the limit of
 * the regulatory table for the person's age, per limit the IRS shares across account types (401(k)
 * and 403(b) deferrals; traditional and Roth IRAs; the HSA). The ledger refuses each contribution
 * that passes a limit; this says months ahead which one will be refused.
 */
final class AnomalyLimits {

  private record Group(String label, Set<AccountType> accounts, IntFunction<Cited<Money>> limit) {}

  private AnomalyLimits() {}

  static void find(
      List<Transaction> settled,
      List<Contribution> scheduled,
      FinancialState household,
      RegulatoryTable table,
      LocalDate today,
      List<LedgerAnomaly> into,
      List<String> notChecked) {
    int taxYear = today.getYear();
    if (household == null) {
      notChecked.add("contribution limits: no plan, so no scheduled contributions to project");
      return;
    }
    if (!table.supports(taxYear)) {
      notChecked.add("contribution limits: the regulatory table has no limits for " + taxYear);
      return;
    }
    TaxYearLimits limits = table.year(taxYear);
    List<Group> groups =
        List.of(
            new Group(
                "401(k)/403(b) elective deferrals",
                Set.of(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B),
                limits::employerPlanDeferralLimit),
            new Group(
                "IRA contributions (traditional + Roth)",
                Set.of(AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA),
                limits::iraLimit),
            new Group(
                "HSA contributions",
                Set.of(AccountType.HSA),
                age -> limits.hsaLimit(household.hsaCoverage(), age)));
    for (Group g : groups) {
      check(g, settled, scheduled, household.age(), today, into);
    }
  }

  private static void check(
      Group g,
      List<Transaction> settled,
      List<Contribution> scheduled,
      int age,
      LocalDate today,
      List<LedgerAnomaly> into) {
    Money monthly =
        scheduled.stream()
            .filter(c -> g.accounts().contains(c.account()))
            .map(Contribution::monthlyAmount)
            .reduce(Money.zeroUsd(), Money::plus);
    if (!monthly.isPositive()) {
      return;
    }
    List<Transaction> made =
        settled.stream()
            .filter(t -> t.type() == TransactionType.CONTRIBUTION)
            .filter(t -> g.accounts().contains(t.account()))
            .filter(t -> t.taxYear().isPresent() && t.taxYear().getAsInt() == today.getYear())
            .toList();
    Money soFar = made.stream().map(Transaction::amount).reduce(Money.zeroUsd(), Money::plus);
    YearMonth thisMonth = YearMonth.from(today);
    boolean paidThisMonth =
        made.stream()
            .anyMatch(t -> YearMonth.from(t.postedAt().atZone(ZoneOffset.UTC)).equals(thisMonth));
    YearMonth next = paidThisMonth ? thisMonth.plusMonths(1) : thisMonth;
    Cited<Money> limit = g.limit().apply(age);
    Money total = soFar;
    YearMonth crossing = null;
    for (YearMonth m = next; m.getYear() == today.getYear(); m = m.plusMonths(1)) {
      total = total.plus(monthly);
      if (crossing == null && total.isGreaterThan(limit.value())) {
        crossing = m;
      }
    }
    if (crossing == null) {
      return;
    }
    into.add(
        new LedgerAnomaly(
            AnomalyKind.CONTRIBUTION_LIMIT,
            made.stream().map(Transaction::id).toList(),
            g.label()
                + " of "
                + soFar.formatted()
                + " so far in "
                + today.getYear()
                + " plus the plan's "
                + monthly.formatted()
                + " a month from "
                + next
                + " come to "
                + total.formatted()
                + ", above the "
                + today.getYear()
                + " limit of "
                + limit.value().formatted()
                + " for age "
                + age
                + " ("
                + limit.source().text()
                + "); the contribution of "
                + crossing
                + " would pass it, by "
                + total.minus(limit.value()).formatted()
                + " by December",
            total,
            soFar,
            monthly,
            null,
            null,
            null,
            limit.value(),
            limit.source().text(),
            crossing.toString()));
  }
}
