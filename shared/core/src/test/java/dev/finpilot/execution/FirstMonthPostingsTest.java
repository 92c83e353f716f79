package dev.finpilot.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstMonthPostingsTest {

  private static Plan plan(Contribution... contributions) {
    return new Plan(
        "BALANCED",
        List.of(contributions),
        List.of(),
        DebtPayoffMethod.AVALANCHE,
        Money.usd(10_000),
        GlidePath.constant(30, Allocation.of("0.60", "0.40", "0")),
        List.of(),
        List.of(),
        BigDecimal.ONE,
        0,
        Money.zeroUsd(),
        0.9);
  }

  @Test
  void theMonthsSavingArrivesInCashAndMovesOnToEachAccount() {
    Ledger ledger = LedgerFixtures.ledger();
    LedgerFixtures.run(
        ledger,
        "open",
        new OpenAccountStep(AccountType.CASH),
        new OpenAccountStep(AccountType.EMPLOYER_401K));
    Plan plan =
        plan(
            new Contribution(AccountType.EMPLOYER_401K, Money.usd(500)),
            new Contribution(AccountType.CASH, Money.usd(300)),
            new Contribution(AccountType.TAXABLE_BROKERAGE, Money.usd(200)),
            new Contribution(AccountType.ROTH_IRA, Money.usd(100)),
            new Contribution(AccountType.HSA, Money.zeroUsd()));

    List<LedgerStep> steps = FirstMonthPostings.of(plan, ledger.books(LedgerFixtures.USER), 2025);

    assertThat(steps)
        .containsExactly(
            new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
            new OpenAccountStep(AccountType.ROTH_IRA),
            new OpenAccountStep(AccountType.HSA),
            new DepositStep(AccountType.CASH, Money.usd(1_100)),
            new ContributionStep(
                AccountType.EMPLOYER_401K, Money.usd(500), 2025, Book.of(AccountType.CASH)),
            new TransferStep(AccountType.CASH, AccountType.TAXABLE_BROKERAGE, Money.usd(200)),
            new ContributionStep(
                AccountType.ROTH_IRA, Money.usd(100), 2025, Book.of(AccountType.CASH)));
    assertThat(
            ledger
                .apply(LedgerFixtures.plan("first-month", steps.toArray(LedgerStep[]::new)))
                .failure())
        .isEmpty();
  }

  @Test
  void aPlanSavingNothingOnlyOpensCash() {
    List<LedgerStep> steps =
        FirstMonthPostings.of(plan(), Books.empty(LedgerFixtures.USER, Money.USD), 2026);

    assertThat(steps).containsExactly(new OpenAccountStep(AccountType.CASH));
  }
}
