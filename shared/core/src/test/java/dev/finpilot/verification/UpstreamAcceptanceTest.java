package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.Withdrawal;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The prototype's test intentions restated on FinPilot's model. The prototype failed most of them;
 * these must hold.
 */
class UpstreamAcceptanceTest {

  @Test
  void fourOhOneKAboveTheLimitIsAViolation() {
    VerificationReport report =
        new Scenario().contributeAnnual(AccountType.EMPLOYER_401K, 25_000).verify();
    assertThat(report.has(RuleCode.MAX_CONTRIBUTION_EXCEEDED)).isTrue();
    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void fourPercentWithdrawalInRetirementIsNotAWithdrawalViolation() {
    // 65, living on $40,000 a year from a $1M IRA, no wages.
    Scenario s =
        new Scenario()
            .balance(AccountType.TRADITIONAL_IRA, usd(1_000_000))
            .withdraw(AccountType.TRADITIONAL_IRA, 40_000, 65, Withdrawal.PenaltyException.NONE);
    s.age = 65;
    s.income = usd(0);
    s.essential = usd(2_500);
    s.discretionary = usd(500);
    s.housing = usd(900);
    s.equity("0.50");
    VerificationContext ctx = s.context();
    assertThat(ctx.annualGrossIncome()).isEqualTo(usd(40_000));
    // 40,000 - 15,750 = 24,250 taxable: 1,192.50 + 1,479.00
    assertThat(ctx.annualIncomeTax()).isEqualTo(Money.usd("2671.50"));
    assertThat(ctx.annualPayrollTax()).isEqualTo(usd(0));
    VerificationReport report = s.verify();
    assertThat(report.violations()).isEmpty();
    assertThat(report.outcome()).isEqualTo(Outcome.APPROVED);
  }

  @Test
  void fiftyThirtyTwentyBudgetPasses() {
    // $91,800 gross nets about $6,094 a month; needs 3,000, wants 1,800, savings 1,200.
    Scenario s = new Scenario().contribute(AccountType.EMPLOYER_401K, usd(700));
    s.contribute(AccountType.ROTH_IRA, usd(500));
    s.income = usd(91_800);
    s.essential = usd(3_000);
    s.discretionary = usd(1_800);
    VerificationReport report = s.verify();
    assertThat(report.has(RuleCode.CASH_FLOW_NEGATIVE)).isFalse();
    assertThat(report.outcome()).isEqualTo(Outcome.APPROVED);
  }

  @Test
  void balancedInvestorWithAFullEmergencyFundIsNotRejected() {
    Scenario s =
        new Scenario().cash(30_000).contributeAnnual(AccountType.TAXABLE_BROKERAGE, 50_000);
    s.income = usd(150_000);
    s.essential = usd(4_000);
    s.discretionary = usd(1_000);
    assertThat(s.verify().outcome()).isNotEqualTo(Outcome.REJECTED);
  }

  @Test
  void highRiskInvestorWithThinCashAndHeavyDebtIsRejected() {
    Scenario s =
        new Scenario()
            .cash(1_000)
            .balance(AccountType.TAXABLE_BROKERAGE, usd(200_000))
            .debt("loan", DebtKind.PERSONAL_LOAN, 60_000, 2_500);
    s.risk = RiskTolerance.AGGRESSIVE;
    s.equity("1.00");
    s.essential = usd(5_000);
    s.housing = usd(1_250);
    s.contribute(AccountType.TAXABLE_BROKERAGE, usd(500));
    VerificationReport report = s.verify();
    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.has(RuleCode.EMERGENCY_FUND_LOW)).isTrue();
    assertThat(report.has(RuleCode.DEBT_TO_INCOME_HIGH)).isTrue();
  }

  @Test
  void investingWhileCashCoversLessThanThreeMonthsIsAnEmergencyFundError() {
    // 6.4 case 1: $5,000 of cash against $4,000 a month of essentials, investing instead.
    Scenario s = new Scenario().cash(5_000).contribute(AccountType.TAXABLE_BROKERAGE, usd(1_000));
    s.essential = usd(4_000);
    s.discretionary = usd(0);
    assertThat(s.verify().findings(RuleCode.EMERGENCY_FUND_LOW))
        .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }

  @Test
  void fortyPercentDebtToIncomeIsFlagged() {
    // 6.4 case 2: a $2,000 loan payment on $5,000 a month.
    Scenario s = new Scenario().debt("new loan", DebtKind.PERSONAL_LOAN, 50_000, 2_000);
    s.income = usd(60_000);
    s.housing = usd(0);
    assertThat(s.verify().has(RuleCode.DEBT_TO_INCOME_HIGH)).isTrue();
  }

  @Test
  void aggressivePortfolioForAConservativeInvestorIsARiskMismatch() {
    Scenario s = new Scenario().equity("0.85");
    s.risk = RiskTolerance.CONSERVATIVE;
    assertThat(s.verify().has(RuleCode.RISK_TOLERANCE_MISMATCH)).isTrue();
  }

  @Test
  void noEmergencyFundAtAllIsRejected() {
    Scenario s = new Scenario().cash(0).contribute(AccountType.TAXABLE_BROKERAGE, usd(4_000));
    s.leverage = BigDecimal.ONE;
    assertThat(s.verify().outcome()).isEqualTo(Outcome.REJECTED);
  }

  @Test
  void everyViolationCarriesARemediation() {
    Scenario s = VerifierTest.prototypesDangerousPlan();
    s.cash(8_000);
    s.essential = usd(4_000);
    assertThat(s.verify().violations())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.remediation()).isNotBlank());
  }
}
