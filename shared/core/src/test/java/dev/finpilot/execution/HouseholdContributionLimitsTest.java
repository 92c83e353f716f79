package dev.finpilot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.regulation.RegulatoryTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HouseholdContributionLimitsTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

  private static ContributionLimits limits(int age, HsaCoverage coverage) {
    FinancialState state =
        new FinancialState(
            age,
            FilingStatus.SINGLE,
            Money.usd(90_000),
            new MonthlyExpenses(Money.usd(3_000), Money.usd(1_000), Money.usd(1_500)),
            List.of(),
            EmployerMatch.NONE,
            List.of(),
            0,
            RiskTolerance.MODERATE,
            65,
            coverage);
    return new HouseholdContributionLimits(RegulatoryTable.usDefault(), state, AS_OF);
  }

  @Test
  void employerPlansShareTheAgeAdjustedDeferralLimitAttainedByYearEnd() {
    ContributionLimits fortyNine = limits(49, HsaCoverage.NONE);

    assertThat(fortyNine.limitFor(AccountType.EMPLOYER_403B, 2025))
        .contains(
            new ContributionLimit(
                Money.usd(23_500), Set.of(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B)));
    assertThat(fortyNine.limitFor(AccountType.EMPLOYER_401K, 2026).orElseThrow().annualLimit())
        .as("50 by the end of 2026: the catch-up applies")
        .isEqualTo(Money.usd(32_500));
  }

  @Test
  void iraLimitsAreSharedByTraditionalAndRoth() {
    assertThat(limits(35, HsaCoverage.NONE).limitFor(AccountType.ROTH_IRA, 2025))
        .contains(
            new ContributionLimit(
                Money.usd(7_000), Set.of(AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA)));
  }

  @Test
  void anHsaNeedsCoverageAndFollowsIt() {
    assertThat(limits(35, HsaCoverage.NONE).limitFor(AccountType.HSA, 2025)).isEmpty();
    assertThat(limits(35, HsaCoverage.FAMILY).limitFor(AccountType.HSA, 2025))
        .contains(new ContributionLimit(Money.usd(8_550), Set.of(AccountType.HSA)));
    assertThat(limits(35, HsaCoverage.SELF_ONLY).limitFor(AccountType.HSA, 2025))
        .contains(new ContributionLimit(Money.usd(4_300), Set.of(AccountType.HSA)));
  }

  @Test
  void noLimitIsInventedForOtherAccountsOrUnknownYears() {
    ContributionLimits limits = limits(35, HsaCoverage.SELF_ONLY);
    assertThat(limits.limitFor(AccountType.EDUCATION_529, 2025)).isEmpty();
    assertThat(limits.limitFor(AccountType.TAXABLE_BROKERAGE, 2025)).isEmpty();
    assertThat(limits.limitFor(AccountType.ROTH_IRA, 2031)).isEmpty();
  }
}
