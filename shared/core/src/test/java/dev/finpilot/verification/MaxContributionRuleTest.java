package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.HsaCoverage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaxContributionRuleTest {

  private final MaxContributionRule rule = new MaxContributionRule();

  @Test
  void iraOf100kIn2025TripsWithEvidenceAndCitation() {
    Scenario s = new Scenario().contributeAnnual(AccountType.TRADITIONAL_IRA, 100_000);
    RuleResult result = s.run(rule);
    assertThat(result.findings()).hasSize(1);
    Finding f = result.findings().get(0);
    assertThat(f.code()).isEqualTo(RuleCode.MAX_CONTRIBUTION_EXCEEDED);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.accounts()).containsExactly(AccountType.TRADITIONAL_IRA);
    assertThat(f.evidence().actual()).isEqualByComparingTo("100000.08");
    assertThat(f.evidence().limit()).isEqualByComparingTo("7000");
    assertThat(f.evidence().unit()).isEqualTo(Evidence.Unit.USD_PER_YEAR);
    assertThat(f.taxYear()).isEqualTo(2025);
    assertThat(f.source().key()).isEqualTo("notice_2024_80");
    assertThat(f.message())
        .contains("IRA contributions")
        .contains("$7,000.00")
        .contains("2025")
        .contains("for age 40")
        .endsWith(
            "(tax year 2025; source: IRS Notice 2024-80 / IR-2024-285 (2025 retirement limits))");
    assertThat(f.remediation()).contains("$583.34 a month");
  }

  @ParameterizedTest(name = "IRA {0} age {1}: {2}/yr -> trips {3}")
  @CsvSource({
    "2025, 40, 3000, false",
    "2025, 40, 7000, false",
    "2025, 40, 7001, true",
    "2025, 49, 7000, false",
    "2025, 49, 7001, true",
    "2025, 50, 8000, false",
    "2025, 50, 8001, true",
    "2026, 40, 7500, false",
    "2026, 40, 7501, true",
    "2026, 50, 8600, false",
    "2026, 50, 8601, true"
  })
  void iraLimitEdges(int year, int age, long annual, boolean trips) {
    Scenario s = new Scenario().contributeAnnual(AccountType.ROTH_IRA, annual);
    s.taxYear = year;
    s.asOf = LocalDate.of(year, 1, 15);
    s.age = age;
    assertThat(s.run(rule).findings()).hasSize(trips ? 1 : 0);
  }

  @ParameterizedTest(name = "401(k) {0} age {1}: {2}/yr -> trips {3}")
  @CsvSource({
    "2025, 49, 23500, false",
    "2025, 49, 23501, true",
    "2025, 50, 31000, false",
    "2025, 50, 31001, true",
    "2025, 59, 31000, false",
    "2025, 59, 34750, true",
    "2025, 60, 34750, false",
    "2025, 60, 34751, true",
    "2025, 63, 34750, false",
    "2025, 64, 34750, true",
    "2025, 64, 31000, false",
    "2026, 49, 24500, false",
    "2026, 49, 24501, true",
    "2026, 59, 32500, false",
    "2026, 59, 32501, true",
    "2026, 60, 35750, false",
    "2026, 63, 35751, true",
    "2026, 64, 32500, false",
    "2026, 64, 35750, true"
  })
  void employerPlanLimitEdgesWithSuperCatchUp(int year, int age, long annual, boolean trips) {
    Scenario s = new Scenario().contributeAnnual(AccountType.EMPLOYER_401K, annual);
    s.income = usd(200_000);
    s.taxYear = year;
    s.asOf = LocalDate.of(year, 6, 1);
    s.age = age;
    assertThat(s.run(rule).findings()).hasSize(trips ? 1 : 0);
  }

  @ParameterizedTest(name = "HSA {0} {1} age {2}: {3}/yr -> trips {4}")
  @CsvSource({
    "2025, SELF_ONLY, 54, 4300, false",
    "2025, SELF_ONLY, 54, 4301, true",
    "2025, SELF_ONLY, 55, 5300, false",
    "2025, SELF_ONLY, 55, 5301, true",
    "2025, FAMILY, 54, 8550, false",
    "2025, FAMILY, 55, 9551, true",
    "2026, SELF_ONLY, 54, 4400, false",
    "2026, SELF_ONLY, 54, 4401, true",
    "2026, FAMILY, 55, 9750, false",
    "2026, FAMILY, 55, 9751, true",
    "2025, NONE, 40, 1, true"
  })
  void hsaLimitEdges(int year, HsaCoverage coverage, int age, long annual, boolean trips) {
    Scenario s = new Scenario().contributeAnnual(AccountType.HSA, annual);
    s.hsa = coverage;
    s.taxYear = year;
    s.asOf = LocalDate.of(year, 2, 1);
    s.age = age;
    assertThat(s.run(rule).findings()).hasSize(trips ? 1 : 0);
  }

  @Test
  void hsaWithoutHdhpSaysWhy() {
    Scenario s = new Scenario().contributeAnnual(AccountType.HSA, 1_200);
    Finding f = s.run(rule).findings().get(0);
    assertThat(f.message()).contains("not allowed without HDHP coverage").contains("$0.00");
    assertThat(f.accounts()).containsExactly(AccountType.HSA);
    assertThat(f.source().key()).isEqualTo("rev_proc_2024_25");
  }

  @Test
  void traditionalAndRothShareOneIraLimit() {
    Scenario s =
        new Scenario()
            .contributeAnnual(AccountType.TRADITIONAL_IRA, 4_000)
            .contributeAnnual(AccountType.ROTH_IRA, 3_001);
    Finding f = s.run(rule).findings().get(0);
    assertThat(f.accounts()).containsExactly(AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA);
    Scenario within =
        new Scenario()
            .contributeAnnual(AccountType.TRADITIONAL_IRA, 4_000)
            .contributeAnnual(AccountType.ROTH_IRA, 3_000);
    assertThat(within.run(rule).findings()).isEmpty();
  }

  @Test
  void fourOhOneKAndFourOhThreeBShareOneDeferralLimit() {
    Scenario s =
        new Scenario()
            .contributeAnnual(AccountType.EMPLOYER_401K, 12_000)
            .contributeAnnual(AccountType.EMPLOYER_403B, 12_000);
    Finding f = s.run(rule).findings().get(0);
    assertThat(f.evidence().limit()).isEqualByComparingTo("23500");
    assertThat(f.accounts()).containsExactly(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B);
  }

  @Test
  void contributionsCannotExceedCompensation() {
    Scenario s = new Scenario().contributeAnnual(AccountType.ROTH_IRA, 6_000);
    s.income = usd(5_000);
    Finding f = s.run(rule).findings().get(0);
    assertThat(f.evidence().limit()).isEqualByComparingTo("5000");
    assertThat(f.message()).contains("capped at taxable compensation; statutory limit $7,000.00");
  }

  @Test
  void accountsWithoutAnnualLimitsAreNotChecked() {
    Scenario s =
        new Scenario()
            .contributeAnnual(AccountType.TAXABLE_BROKERAGE, 500_000)
            .contributeAnnual(AccountType.EDUCATION_529, 100_000)
            .contributeAnnual(AccountType.CASH, 100_000);
    assertThat(s.run(rule).findings()).isEmpty();
  }

  @Test
  void ageIsCountedAtTheEndOfTheTaxYear() {
    // 49 in 2025, so 50 by the end of 2026: the catch-up applies to 2026 contributions.
    Scenario s = new Scenario().contributeAnnual(AccountType.TRADITIONAL_IRA, 8_600);
    s.age = 49;
    s.asOf = LocalDate.of(2025, 11, 1);
    s.taxYear = 2026;
    assertThat(s.context().ageAtEndOfTaxYear()).isEqualTo(50);
    assertThat(s.run(rule).findings()).isEmpty();
  }

  @Test
  void confidenceDropsWhenOneMoreYearOfAgeWouldFlipTheVerdict() {
    Scenario atEdge = new Scenario().contributeAnnual(AccountType.TRADITIONAL_IRA, 8_000);
    atEdge.age = 49;
    RuleResult result = atEdge.run(rule);
    assertThat(result.findings()).hasSize(1);
    assertThat(result.confidence()).isEqualTo(MaxContributionRule.AGE_EDGE_CONFIDENCE);
    Scenario clear = new Scenario().contributeAnnual(AccountType.TRADITIONAL_IRA, 7_000);
    assertThat(clear.run(rule).confidence()).isEqualTo(1.0);
  }
}
