package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.HsaCoverage;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RothIncomeLimitRuleTest {

  private final RothIncomeLimitRule rule = new RothIncomeLimitRule();

  private static Scenario roth(int year, FilingStatus status, long income, long annualRoth) {
    Scenario s = new Scenario().contributeAnnual(AccountType.ROTH_IRA, annualRoth);
    s.taxYear = year;
    s.asOf = LocalDate.of(year, 1, 10);
    s.status = status;
    s.income = usd(income);
    return s;
  }

  @ParameterizedTest(name = "{0} {1} MAGI {2}: Roth {3} -> trips {4}")
  @CsvSource({
    "2025, SINGLE, 150000, 7000, false",
    "2025, SINGLE, 150001, 7000, false",
    "2025, SINGLE, 157500, 3500, false",
    "2025, SINGLE, 157500, 3501, true",
    "2025, SINGLE, 164950, 200, false",
    "2025, SINGLE, 164950, 201, true",
    "2025, SINGLE, 165000, 1, true",
    "2025, HEAD_OF_HOUSEHOLD, 157500, 3501, true",
    "2025, MARRIED_FILING_JOINTLY, 236000, 7000, false",
    "2025, MARRIED_FILING_JOINTLY, 241000, 3500, false",
    "2025, MARRIED_FILING_JOINTLY, 241000, 3501, true",
    "2025, MARRIED_FILING_JOINTLY, 246000, 1, true",
    "2025, MARRIED_FILING_SEPARATELY, 10000, 1, true",
    "2026, SINGLE, 153000, 7500, false",
    "2026, SINGLE, 160500, 3750, false",
    "2026, SINGLE, 160500, 3751, true",
    "2026, SINGLE, 168000, 1, true",
    "2026, MARRIED_FILING_JOINTLY, 242000, 7500, false",
    "2026, MARRIED_FILING_JOINTLY, 252000, 1, true"
  })
  void phaseOutBoundaries(
      int year, FilingStatus status, long income, long annualRoth, boolean trips) {
    assertThat(roth(year, status, income, annualRoth).run(rule).findings()).hasSize(trips ? 1 : 0);
  }

  @Test
  void reducedLimitIsTheEvidenceAndCitesTheNotice() {
    Finding f = roth(2025, FilingStatus.SINGLE, 157_500, 7_000).run(rule).findings().get(0);
    assertThat(f.code()).isEqualTo(RuleCode.ROTH_INCOME_LIMIT);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.evidence().limit()).isEqualByComparingTo("3500");
    assertThat(f.accounts()).containsExactly(AccountType.ROTH_IRA);
    assertThat(f.message())
        .contains("exceed the $3,500.00 allowed at an estimated MAGI of $157,500.00")
        .contains("($150,000.00-$165,000.00)")
        .contains("IRS Notice 2024-80");
    assertThat(f.remediation()).contains("$291.67 a month");
  }

  @Test
  void aboveThePhaseOutNothingIsAllowed() {
    Finding f = roth(2025, FilingStatus.SINGLE, 200_000, 7_000).run(rule).findings().get(0);
    assertThat(f.evidence().limit()).isEqualByComparingTo("0");
    assertThat(f.message()).contains("are not allowed at an estimated MAGI of $200,000.00");
  }

  @Test
  void catchUpIsPartOfTheFullLimitBeingReduced() {
    Scenario s = roth(2025, FilingStatus.SINGLE, 157_500, 4_000);
    s.age = 50;
    assertThat(s.run(rule).findings()).isEmpty();
    s.contributions.clear();
    s.contributeAnnual(AccountType.ROTH_IRA, 4_001);
    assertThat(s.run(rule).findings()).hasSize(1);
  }

  @Test
  void preTaxDeferralsAndHsaLowerTheEstimatedMagi() {
    Scenario s = roth(2025, FilingStatus.SINGLE, 170_000, 7_000);
    assertThat(s.run(rule).findings()).hasSize(1);
    s.contributeAnnual(AccountType.EMPLOYER_401K, 23_500);
    assertThat(s.context().estimatedMagi()).isEqualTo(usd(146_500));
    assertThat(s.run(rule).findings()).isEmpty();
    Scenario hsa = roth(2025, FilingStatus.SINGLE, 154_300, 7_000);
    hsa.hsa = HsaCoverage.SELF_ONLY;
    hsa.contributeAnnual(AccountType.HSA, 4_300);
    assertThat(hsa.context().estimatedMagi()).isEqualTo(usd(150_000));
    assertThat(hsa.run(rule).findings()).isEmpty();
  }

  @Test
  void confidenceDropsWhenAFivePercentMagiErrorWouldFlipTheVerdict() {
    assertThat(roth(2025, FilingStatus.SINGLE, 157_500, 3_500).run(rule).confidence())
        .isEqualTo(RothIncomeLimitRule.NEAR_EDGE_CONFIDENCE);
    assertThat(roth(2025, FilingStatus.SINGLE, 60_000, 7_000).run(rule).confidence())
        .isEqualTo(1.0);
    assertThat(roth(2025, FilingStatus.SINGLE, 60_000, 0).run(rule).confidence()).isEqualTo(1.0);
  }
}
