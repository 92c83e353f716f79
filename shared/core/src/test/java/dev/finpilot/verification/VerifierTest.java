package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.domain.Withdrawal;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.regulation.UnknownTaxYearException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierTest {

  /**
   * The prototype approved this: $300k invested at 2x leverage by a conservative investor holding
   * $2k of cash against $5k of monthly essentials, with 45% of gross income going to debt.
   */
  static Scenario prototypesDangerousPlan() {
    Scenario s = new Scenario().cash(2_000).balance(AccountType.TAXABLE_BROKERAGE, usd(150_000));
    s.age = 45;
    s.income = usd(120_000);
    s.essential = usd(5_000);
    s.housing = usd(2_500);
    s.discretionary = usd(1_500);
    s.risk = RiskTolerance.CONSERVATIVE;
    s.debt("car", DebtKind.AUTO_LOAN, 30_000, 1_000)
        .debt("card", DebtKind.CREDIT_CARD, 15_000, 1_000);
    s.debtPayments.add(new DebtPayment("car", usd(1_000), 2));
    s.debtPayments.add(new DebtPayment("card", usd(1_000), 1));
    s.leverage = new BigDecimal("2");
    s.equity("0.90");
    s.emergencyFundTarget = usd(2_000);
    s.contribute(AccountType.TAXABLE_BROKERAGE, usd(1_000));
    return s;
  }

  @Test
  void rejectsThePrototypesLeveragedPlanForAConservativeInvestor() {
    VerificationReport report = prototypesDangerousPlan().verify();
    assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(report.violations()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(report.violations().stream().map(Finding::code).distinct())
        .contains(
            RuleCode.RISK_TOLERANCE_MISMATCH,
            RuleCode.EMERGENCY_FUND_LOW,
            RuleCode.DEBT_TO_INCOME_HIGH,
            RuleCode.CASH_FLOW_NEGATIVE);
    assertThat(report.highestSeverity()).contains(Severity.CRITICAL);
    assertThat(report.findings(RuleCode.DEBT_TO_INCOME_HIGH))
        .anySatisfy(f -> assertThat(f.evidence().actual()).isEqualByComparingTo("0.45"));
    assertThat(report.riskScore()).isGreaterThan(0.8);
    assertThat(report.violations()).allSatisfy(f -> assertThat(f.remediation()).isNotBlank());
  }

  @Test
  void approvesTheHarmlessSevenThousandDollarIraContribution() {
    Scenario s = new Scenario().contributeAnnual(AccountType.ROTH_IRA, 7_000);
    VerificationReport report = s.verify();
    assertThat(report.findings()).isEmpty();
    assertThat(report.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(report.checksRun()).isEqualTo(13);
    assertThat(report.checksPassed()).isEqualTo(13);
    assertThat(report.riskScore()).isZero();
    assertThat(report.confidence()).isEqualTo(1.0);
    assertThat(report.summary())
        .isEqualTo("APPROVED: 0 critical, 0 errors, 0 warnings; 13 of 13 checks passed");
  }

  @Test
  void canonicalVectors() {
    VerificationReport big =
        new Scenario().contributeAnnual(AccountType.TRADITIONAL_IRA, 100_000).verify();
    assertThat(big.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(big.has(RuleCode.MAX_CONTRIBUTION_EXCEEDED)).isTrue();
    assertThat(big.findings(RuleCode.MAX_CONTRIBUTION_EXCEEDED).get(0).message())
        .contains("IRA")
        .contains("2025");

    VerificationReport withdrawal =
        new Scenario()
            .withdraw(AccountType.EMPLOYER_401K, 5_000, 40, Withdrawal.PenaltyException.NONE)
            .verify();
    assertThat(withdrawal.violations())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(RuleCode.EARLY_WITHDRAWAL_PENALTY);
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
            });
    assertThat(withdrawal.outcome()).isEqualTo(Outcome.CONDITIONAL);

    VerificationReport small =
        new Scenario().contributeAnnual(AccountType.TRADITIONAL_IRA, 3_000).verify();
    assertThat(small.findings()).isEmpty();
    assertThat(small.outcome()).isEqualTo(Outcome.APPROVED);
  }

  @Test
  void infoNotesDoNotChangeTheOutcome() {
    Scenario s = new Scenario().cash(5_000).contribute(AccountType.CASH, usd(500));
    VerificationReport report = s.verify();
    assertThat(report.notes())
        .extracting(Finding::code)
        .containsExactly(RuleCode.EMERGENCY_FUND_LOW);
    assertThat(report.violations()).isEmpty();
    assertThat(report.outcome()).isEqualTo(Outcome.APPROVED);
    assertThat(report.has(RuleCode.EMERGENCY_FUND_LOW)).isFalse();
    assertThat(report.checksPassed()).isEqualTo(report.checksRun());
    assertThat(report.riskScore()).isZero();
  }

  @Test
  void riskScoreCombinesSeverityWeights() {
    Scenario warning = new Scenario();
    warning.successProbability = 0.80;
    VerificationReport one = warning.verify();
    assertThat(one.outcome()).isEqualTo(Outcome.CONDITIONAL);
    assertThat(one.riskScore()).isCloseTo(0.10, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(one.checksPassed()).isEqualTo(12);

    Scenario twoFindings = new Scenario();
    twoFindings.successProbability = 0.80;
    twoFindings.dayTradesPerWeek = 5;
    VerificationReport two = twoFindings.verify();
    assertThat(two.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(two.riskScore())
        .isCloseTo(1 - 0.9 * 0.7, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(two.summary())
        .isEqualTo("REJECTED: 0 critical, 1 errors, 1 warnings; 11 of 13 checks passed");
  }

  @Test
  void confidenceMultipliesTheRulesConfidences() {
    Scenario s =
        new Scenario()
            .withdraw(AccountType.TRADITIONAL_IRA, 1_000, 59, Withdrawal.PenaltyException.NONE);
    s.successProbability = 0.705;
    assertThat(s.verify().confidence())
        .isCloseTo(
            EarlyWithdrawalRule.AGE_59_CONFIDENCE * SuccessProbabilityRule.NEAR_CONFIDENCE,
            org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void sameInputSameReport() {
    Scenario s = prototypesDangerousPlan();
    assertThat(s.verify()).isEqualTo(s.verify());
  }

  @Test
  void customRuleListsAreRunInOrder() {
    Verifier verifier =
        new Verifier(
            RegulatoryTable.usDefault(),
            VerificationPolicy.defaults(),
            List.of(new SuccessProbabilityRule(), new PatternDayTraderRule()));
    Scenario s = new Scenario();
    s.successProbability = 0.5;
    s.dayTradesPerWeek = 10;
    VerificationReport report = verifier.verify(s.plan(), s.request());
    assertThat(report.checksRun()).isEqualTo(2);
    assertThat(report.findings())
        .extracting(Finding::code)
        .containsExactly(RuleCode.LOW_SUCCESS_PROBABILITY, RuleCode.PATTERN_DAY_TRADER);
    assertThat(verifier.rules()).hasSize(2);
    assertThat(verifier.policy()).isEqualTo(VerificationPolicy.defaults());
    assertThat(Verifier.standardRules()).extracting(Rule::code).doesNotHaveDuplicates().hasSize(13);
  }

  @Test
  void unknownTaxYearIsAnExplicitError() {
    Scenario s = new Scenario();
    s.taxYear = 2027;
    s.asOf = LocalDate.of(2027, 1, 5);
    assertThatThrownBy(s::verify)
        .isInstanceOf(UnknownTaxYearException.class)
        .hasMessageContaining("supported tax years are [2025, 2026]");
  }

  @Test
  void invalidInputNamesEveryFaultyField() {
    Scenario s = new Scenario();
    s.contributions.add(new Contribution(AccountType.ROTH_IRA, Money.usd(-5)));
    s.leverage = new BigDecimal("0.5");
    s.successProbability = Double.NaN;
    s.dayTradesPerWeek = -1;
    s.withdraw(AccountType.EMPLOYER_401K, 100, 5, null);
    s.emergencyFundTarget = Money.of(BigDecimal.TEN, Money.INR);
    s.taxYear = 2026;
    s.asOf = LocalDate.of(2024, 6, 1);
    assertThatThrownBy(s::verify)
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "taxYear",
                        "plan.contributions[0].monthlyAmount",
                        "plan.emergencyFundTarget",
                        "plan.withdrawals[0].age",
                        "plan.leverage",
                        "plan.dayTradesPerWeek",
                        "plan.successProbability"));
  }

  @Test
  void householdMoneyMustBeInDollars() {
    Scenario s = new Scenario();
    s.income = Money.of(new BigDecimal("5000000"), Money.INR);
    assertThatThrownBy(s::verify)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("state.annualIncome: must be in USD for US rules, was INR");
    Scenario invalidState = new Scenario();
    invalidState.age = 10;
    assertThatThrownBy(invalidState::verify)
        .hasMessageContaining("age: must be between 18 and 100");
    assertThatThrownBy(() -> Verifier.standard().verify(null, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("request: is required")
        .hasMessageContaining("plan: is required");
  }

  @Test
  void reportRefusesInconsistentNumbers() {
    assertThatThrownBy(() -> new VerificationReport(2025, Outcome.APPROVED, List.of(), 1, 2, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new VerificationReport(2025, Outcome.APPROVED, List.of(), 1, 1, 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new VerificationReport(2025, Outcome.REJECTED, List.of(), 1, 1, 0, 1))
        .hasMessageContaining("contradicts");
    assertThatThrownBy(() -> new RuleResult(List.of(), 1.2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void policyValidationNamesItsFields() {
    assertThatThrownBy(() -> VerificationPolicy.defaults().withMinSuccessProbability(1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("policy.minSuccessProbability");
    assertThatThrownBy(
            () ->
                new VerificationPolicy(
                    0.7,
                    0.6,
                    BigDecimal.ONE,
                    Money.usd(-1),
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ZERO,
                    -1,
                    BigDecimal.ONE,
                    BigDecimal.ONE,
                    BigDecimal.ONE))
        .isInstanceOf(ValidationException.class)
        .satisfies(
            e ->
                assertThat(((ValidationException) e).errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "policy.comfortableSuccessProbability",
                        "policy.starterEmergencyFund",
                        "policy.backEndDebtToIncomeCeiling",
                        "policy.shortHorizonMonths"));
    assertThat(
            VerificationPolicy.defaults()
                .withMinSuccessProbability(0.9)
                .comfortableSuccessProbability())
        .isEqualTo(0.9);
  }
}
