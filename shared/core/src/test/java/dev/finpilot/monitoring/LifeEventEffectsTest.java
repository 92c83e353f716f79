package dev.finpilot.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LifeEventEffectsTest {
  static final Instant AT = Instant.parse("2026-03-02T10:00:00Z");
  final FinancialState before = FinancialStateFixtures.typical();

  FinancialState after(LifeEvent event) {
    return LifeEventEffects.revise(before, event).orElseThrow();
  }

  @Test
  void aLostJobTakesTheSalaryAndTheEmployerMatch() {
    FinancialState s = after(LifeEvent.of("e", LifeEventType.JOB_LOSS, AT));

    assertThat(s.annualIncome()).isEqualTo(Money.zeroUsd());
    assertThat(s.employerMatch()).isEqualTo(EmployerMatch.NONE);
    assertThat(s.accounts()).isEqualTo(before.accounts());
  }

  @Test
  void anIncomeChangeScalesTheSalaryExactly() {
    FinancialState cut = after(LifeEvent.incomeChange("e", AT, new BigDecimal("-12.5")));
    FinancialState raise = after(LifeEvent.incomeChange("e", AT, new BigDecimal("3.33")));

    assertThat(cut.annualIncome()).isEqualTo(Money.usd(78_750));
    assertThat(raise.annualIncome()).isEqualTo(Money.usd("92997.00"));
    assertThat(cut.employerMatch()).isEqualTo(before.employerMatch());
  }

  @Test
  void aNewDependentIsCounted() {
    assertThat(after(LifeEvent.of("e", LifeEventType.NEW_DEPENDENT, AT)).dependents())
        .isEqualTo(before.dependents() + 1);
  }

  @ParameterizedTest
  @EnumSource(
      value = LifeEventType.class,
      names = {"WINDFALL", "INHERITANCE"})
  void aLumpSumLandsInCash(LifeEventType type) {
    FinancialState s = after(LifeEvent.withAmount("e", type, AT, Money.usd("25000.55")));

    assertThat(s.balance(AccountType.CASH)).isEqualTo(Money.usd("37000.55"));
    assertThat(s.totalAssets()).isEqualTo(before.totalAssets().plus(Money.usd("25000.55")));
  }

  @Test
  void aLumpSumOpensACashAccountWhenThereIsNoneUnderAFreeName() {
    FinancialState noCash =
        withAccounts(List.of(new Account("cash", AccountType.TAXABLE_BROKERAGE, Money.usd(10))));

    FinancialState s =
        LifeEventEffects.revise(
                noCash, LifeEvent.withAmount("e", LifeEventType.WINDFALL, AT, Money.usd(500)))
            .orElseThrow();

    assertThat(s.accounts())
        .contains(new Account("cash-2", AccountType.CASH, Money.usd(500)))
        .hasSize(2);
  }

  @Test
  void aMedicalBillIsPaidFromCashAccountsInOrder() {
    FinancialState twoPots =
        withAccounts(
            List.of(
                new Account("a", AccountType.CASH, Money.usd(1_000)),
                new Account("k", AccountType.EMPLOYER_401K, Money.usd(9_000)),
                new Account("b", AccountType.CASH, Money.usd(4_000))));

    FinancialState s =
        LifeEventEffects.revise(
                twoPots,
                LifeEvent.withAmount("e", LifeEventType.MEDICAL_EMERGENCY, AT, Money.usd(2_500)))
            .orElseThrow();

    assertThat(s.accounts())
        .containsExactly(
            new Account("a", AccountType.CASH, Money.usd(0)),
            new Account("k", AccountType.EMPLOYER_401K, Money.usd(9_000)),
            new Account("b", AccountType.CASH, Money.usd(2_500)));
  }

  @Test
  void whatTheReportAloneCannotSayIsLeftToTheOwner() {
    assertThat(
            LifeEventEffects.revise(
                before,
                LifeEvent.withAmount(
                    "e", LifeEventType.MEDICAL_EMERGENCY, AT, Money.usd("12000.01"))))
        .as("more than the cash on hand: how the rest is financed is the owner's to say")
        .isEmpty();
    assertThat(
            LifeEventEffects.revise(before, LifeEvent.of("e", LifeEventType.MEDICAL_EMERGENCY, AT)))
        .isEmpty();
    assertThat(LifeEventEffects.revise(before, LifeEvent.of("e", LifeEventType.DIVORCE, AT)))
        .isEmpty();
    assertThat(LifeEventEffects.revise(before, LifeEvent.of("e", LifeEventType.RETIREMENT, AT)))
        .isEmpty();
  }

  @Test
  void aRevisionThatWouldNotBeAValidStateIsNotMade() {
    FinancialState twenty =
        new FinancialState(
            before.age(),
            before.filingStatus(),
            before.annualIncome(),
            before.expenses(),
            before.accounts(),
            before.employerMatch(),
            before.debts(),
            20,
            before.riskTolerance(),
            before.plannedRetirementAge(),
            before.hsaCoverage());

    assertThat(LifeEventEffects.revise(twenty, LifeEvent.of("e", LifeEventType.NEW_DEPENDENT, AT)))
        .isEmpty();
  }

  @Test
  void aReviewUsesTheOwnersStateWhenSentAndClassifiesOnTheOldOne() {
    FinancialState reported = withAccounts(List.of());
    LifeEventReview withState =
        LifeEventReview.of("p1", LifeEvent.of("e1", LifeEventType.DIVORCE, AT), before, reported);
    LifeEventReview derived =
        LifeEventReview.of("p1", LifeEvent.of("e2", LifeEventType.JOB_LOSS, AT), before, null);

    assertThat(withState.revisedState()).contains(reported);
    assertThat(withState.decision().action()).isEqualTo(ReviewAction.REPLAN);
    assertThat(withState.decision().approval()).isEqualTo(Approval.USER_APPROVAL);
    assertThat(withState.decision().triggerId()).contains("e1");
    assertThat(derived.revisedState().orElseThrow().annualIncome()).isEqualTo(Money.zeroUsd());
  }

  private FinancialState withAccounts(List<Account> accounts) {
    return new FinancialState(
        before.age(),
        before.filingStatus(),
        before.annualIncome(),
        before.expenses(),
        accounts,
        before.employerMatch(),
        before.debts(),
        before.dependents(),
        before.riskTolerance(),
        before.plannedRetirementAge(),
        before.hsaCoverage());
  }
}
