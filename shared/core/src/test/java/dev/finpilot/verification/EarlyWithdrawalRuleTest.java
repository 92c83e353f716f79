package dev.finpilot.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Withdrawal.PenaltyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarlyWithdrawalRuleTest {

  private final EarlyWithdrawalRule rule = new EarlyWithdrawalRule();

  @Test
  void canonicalVector401kAt40IsAWarningWithThePenalty() {
    Scenario s =
        new Scenario().withdraw(AccountType.EMPLOYER_401K, 5_000, 40, PenaltyException.NONE);
    RuleResult result = s.run(rule);
    assertThat(result.findings()).hasSize(1);
    Finding f = result.findings().get(0);
    assertThat(f.code()).isEqualTo(RuleCode.EARLY_WITHDRAWAL_PENALTY);
    assertThat(f.severity()).isEqualTo(Severity.WARNING);
    assertThat(f.accounts()).containsExactly(AccountType.EMPLOYER_401K);
    assertThat(f.evidence().actual()).isEqualByComparingTo("40");
    assertThat(f.evidence().limit()).isEqualByComparingTo("59.5");
    assertThat(f.message())
        .contains("before age 59.5")
        .contains("10.0% additional tax (about $500.00 on $5,000.00)")
        .contains("no exception is claimed")
        .contains("source: Internal Revenue Code section 72(t)");
    assertThat(f.remediation()).contains("hardship is not one");
    assertThat(result.confidence()).isEqualTo(1.0);
  }

  @ParameterizedTest(name = "{0} at {1} -> penalised {2}")
  @CsvSource({
    "EMPLOYER_401K, 59, true",
    "EMPLOYER_401K, 60, false",
    "TRADITIONAL_IRA, 59, true",
    "TRADITIONAL_IRA, 60, false",
    "ROTH_IRA, 45, true",
    "EMPLOYER_403B, 30, true",
    "HSA, 40, false",
    "TAXABLE_BROKERAGE, 40, false",
    "CASH, 40, false"
  })
  void onlyRetirementAccountsBeforeFiftyNineAndAHalf(AccountType type, int age, boolean penalised) {
    Scenario s = new Scenario().withdraw(type, 1_000, age, PenaltyException.NONE);
    assertThat(s.run(rule).findings()).hasSize(penalised ? 1 : 0);
  }

  @Test
  void atFiftyNineTheVerdictIsLessCertain() {
    Scenario s =
        new Scenario().withdraw(AccountType.TRADITIONAL_IRA, 1_000, 59, PenaltyException.NONE);
    assertThat(s.run(rule).confidence()).isEqualTo(EarlyWithdrawalRule.AGE_59_CONFIDENCE);
  }

  @ParameterizedTest(name = "{1} from {0} at {2}: {3} -> penalised amount {4}")
  @CsvSource({
    "EMPLOYER_401K, RULE_OF_55, 55, 20000, 0",
    "EMPLOYER_403B, RULE_OF_55, 57, 20000, 0",
    "EMPLOYER_401K, RULE_OF_55, 54, 20000, 20000",
    "TRADITIONAL_IRA, RULE_OF_55, 56, 20000, 20000",
    "TRADITIONAL_IRA, FIRST_HOME_PURCHASE, 35, 10000, 0",
    "TRADITIONAL_IRA, FIRST_HOME_PURCHASE, 35, 10001, 1",
    "EMPLOYER_401K, FIRST_HOME_PURCHASE, 35, 5000, 5000",
    "ROTH_IRA, HIGHER_EDUCATION, 45, 30000, 0",
    "EMPLOYER_401K, HIGHER_EDUCATION, 45, 30000, 30000",
    "EMPLOYER_401K, DISABILITY, 45, 30000, 0",
    "TRADITIONAL_IRA, SUBSTANTIALLY_EQUAL_PERIODIC_PAYMENTS, 50, 30000, 0",
    "EMPLOYER_401K, MEDICAL_EXPENSES, 50, 8000, 0",
    "EMPLOYER_401K, BIRTH_OR_ADOPTION, 32, 5000, 0",
    "TRADITIONAL_IRA, BIRTH_OR_ADOPTION, 32, 6000, 1000",
    "EMPLOYER_401K, EMERGENCY_PERSONAL_EXPENSE, 40, 1000, 0",
    "EMPLOYER_401K, EMERGENCY_PERSONAL_EXPENSE, 40, 1500, 500",
    "ROTH_IRA, ROTH_CONTRIBUTION_BASIS, 40, 20000, 0",
    "TRADITIONAL_IRA, ROTH_CONTRIBUTION_BASIS, 40, 20000, 20000"
  })
  void exceptionsApplyOnlyToTheirAccountsAndUpToTheirCaps(
      AccountType type, PenaltyException exception, int age, long amount, long penalised) {
    Scenario s = new Scenario().withdraw(type, amount, age, exception);
    RuleResult result = s.run(rule);
    if (penalised == 0) {
      assertThat(result.findings()).isEmpty();
    } else {
      assertThat(result.findings()).hasSize(1);
      String expected = "on " + Scenario.usd(penalised).formatted() + ")";
      assertThat(result.findings().get(0).message()).contains(expected);
    }
  }

  @Test
  void misappliedExceptionsSayWhy() {
    Finding ira =
        new Scenario()
            .withdraw(AccountType.TRADITIONAL_IRA, 20_000, 56, PenaltyException.RULE_OF_55)
            .run(rule)
            .findings()
            .get(0);
    assertThat(ira.message())
        .contains("the rule-of-55 exception does not apply to traditional IRA withdrawals");
    Finding young =
        new Scenario()
            .withdraw(AccountType.EMPLOYER_401K, 20_000, 54, PenaltyException.RULE_OF_55)
            .run(rule)
            .findings()
            .get(0);
    assertThat(young.message()).contains("in or after the year one turns 55");
  }

  @Test
  void firstHomeCapIsPerLifetimeAcrossWithdrawals() {
    Scenario s =
        new Scenario()
            .withdraw(AccountType.TRADITIONAL_IRA, 6_000, 35, PenaltyException.FIRST_HOME_PURCHASE)
            .withdraw(AccountType.ROTH_IRA, 6_000, 38, PenaltyException.FIRST_HOME_PURCHASE);
    RuleResult result = s.run(rule);
    assertThat(result.findings()).hasSize(1);
    assertThat(result.findings().get(0).message())
        .contains("about $200.00 on $2,000.00")
        .contains("shelters at most $10,000.00");
    assertThat(result.findings().get(0).accounts()).containsExactly(AccountType.ROTH_IRA);
  }

  @Test
  void emergencyCapIsPerYearAndBirthCapPerEvent() {
    Scenario sameYear =
        new Scenario()
            .withdraw(
                AccountType.EMPLOYER_401K, 1_000, 40, PenaltyException.EMERGENCY_PERSONAL_EXPENSE)
            .withdraw(
                AccountType.EMPLOYER_401K, 1_000, 40, PenaltyException.EMERGENCY_PERSONAL_EXPENSE);
    assertThat(sameYear.run(rule).findings()).hasSize(1);
    Scenario twoYears =
        new Scenario()
            .withdraw(
                AccountType.EMPLOYER_401K, 1_000, 40, PenaltyException.EMERGENCY_PERSONAL_EXPENSE)
            .withdraw(
                AccountType.EMPLOYER_401K, 1_000, 41, PenaltyException.EMERGENCY_PERSONAL_EXPENSE);
    assertThat(twoYears.run(rule).findings()).isEmpty();
    Scenario twoBirths =
        new Scenario()
            .withdraw(AccountType.TRADITIONAL_IRA, 5_000, 32, PenaltyException.BIRTH_OR_ADOPTION)
            .withdraw(AccountType.TRADITIONAL_IRA, 5_000, 32, PenaltyException.BIRTH_OR_ADOPTION);
    assertThat(twoBirths.run(rule).findings()).isEmpty();
  }

  @Test
  void zeroAmountIsIgnored() {
    Scenario s = new Scenario().withdraw(AccountType.EMPLOYER_401K, 0, 40, PenaltyException.NONE);
    assertThat(s.run(rule).findings()).isEmpty();
  }
}
