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

  /** A plan whose first month makes these contributions; nothing else in it matters here. */
  static Plan plan(Contribution... contributions) {
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

    List<LedgerStep> steps = FirstMonthPostings.of(plan, 2025);

    assertThat(steps)
        .containsExactly(
            OpenAccountStep.unlessOpen(AccountType.CASH),
            OpenAccountStep.unlessOpen(AccountType.TAXABLE_BROKERAGE),
            OpenAccountStep.unlessOpen(AccountType.EMPLOYER_401K),
            OpenAccountStep.unlessOpen(AccountType.ROTH_IRA),
            OpenAccountStep.unlessOpen(AccountType.HSA),
            new DepositStep(AccountType.CASH, Money.usd(1_100)),
            new ContributionStep(
                AccountType.EMPLOYER_401K, Money.usd(500), 2025, Book.of(AccountType.CASH)),
            new TransferStep(AccountType.CASH, AccountType.TAXABLE_BROKERAGE, Money.usd(200)),
            new ContributionStep(
                AccountType.ROTH_IRA, Money.usd(100), 2025, Book.of(AccountType.CASH)));
    ExecutionResult result =
        ledger.apply(LedgerFixtures.plan("first-month", steps.toArray(LedgerStep[]::new)));
    assertThat(result.failure()).isEmpty();
    assertThat(result.transactions())
        .as("the accounts open already are not opened again")
        .extracting(Transaction::description)
        .containsExactly(
            "open TAXABLE_BROKERAGE account",
            "open ROTH_IRA account",
            "open HSA account",
            "deposit USD 1100.00 into CASH",
            "contribute USD 500.00 to EMPLOYER_401K for 2025 from CASH",
            "transfer USD 200.00 from CASH to TAXABLE_BROKERAGE",
            "contribute USD 100.00 to ROTH_IRA for 2025 from CASH");
  }

  @Test
  void aPlanSavingNothingOnlyOpensCash() {
    assertThat(FirstMonthPostings.of(plan(), 2026))
        .containsExactly(OpenAccountStep.unlessOpen(AccountType.CASH));
  }
}
