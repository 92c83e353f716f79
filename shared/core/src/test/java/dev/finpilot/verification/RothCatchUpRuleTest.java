package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RothCatchUpRuleTest {

  private final RothCatchUpRule rule = new RothCatchUpRule();

  private static Scenario deferring(int year, int age, long income, long annual) {
    Scenario s = new Scenario().contributeAnnual(AccountType.EMPLOYER_401K, annual);
    s.taxYear = year;
    s.asOf = LocalDate.of(year, 1, 20);
    s.age = age;
    s.income = usd(income);
    return s;
  }

  @ParameterizedTest(name = "{0} age {1} wages {2} deferring {3} -> note {4}")
  @CsvSource({
    "2026, 55, 200000, 32500, true",
    "2026, 55, 150000, 32500, false",
    "2026, 55, 150001, 32500, true",
    "2026, 49, 200000, 24500, false",
    "2026, 55, 200000, 24500, false",
    "2025, 55, 200000, 31000, false"
  })
  void from2026HighEarnersCatchUpsMustBeRoth(
      int year, int age, long income, long annual, boolean noted) {
    RuleResult result = deferring(year, age, income, annual).run(rule);
    assertThat(result.findings()).hasSize(noted ? 1 : 0);
    assertThat(result.passed()).isTrue();
  }

  @Test
  void noteNamesTheCatchUpAmountAndCitesTheNotice() {
    Finding f = deferring(2026, 61, 250_000, 35_750).run(rule).findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.code()).isEqualTo(RuleCode.ROTH_CATCH_UP_REQUIRED);
    assertThat(f.message())
        .contains(
            "the $11,250.00 of deferrals above the $24,500.00 base limit must be designated Roth")
        .contains("IRS Notice 2025-67");
    assertThat(f.evidence().limit()).isEqualByComparingTo("150000");
    assertThat(f.accounts()).containsExactly(AccountType.EMPLOYER_401K);
  }
}
