package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns an approved plan into the ledger steps of its first month: open the accounts the plan uses
 * unless they are open, receive the month's planned saving into cash, then move each contribution
 * from cash into its account (tax-advantaged accounts as limit-checked contributions). Amounts kept
 * in cash, such as the emergency fund, simply stay there.
 *
 * <p>The steps depend on the plan alone, not on the books: other executions of the same user (their
 * other plans, a replacement undoing an earlier month) may open or close accounts between the time
 * the steps are made and the time the ledger commits them, and the ledger decides each step again
 * on the books it commits to.
 */
public final class FirstMonthPostings {
  private FirstMonthPostings() {}

  public static List<LedgerStep> of(Plan plan, int taxYear) {
    List<LedgerStep> steps = new ArrayList<>();
    Set<AccountType> needed = EnumSet.of(AccountType.CASH);
    plan.contributions().forEach(c -> needed.add(c.account()));
    needed.forEach(account -> steps.add(OpenAccountStep.unlessOpen(account)));
    Money saving = plan.totalMonthlySaving();
    if (saving.isPositive()) {
      steps.add(new DepositStep(AccountType.CASH, saving));
    }
    for (Contribution c : plan.contributions()) {
      if (!c.monthlyAmount().isPositive() || c.account() == AccountType.CASH) {
        continue;
      }
      steps.add(
          c.account().isTaxAdvantaged()
              ? new ContributionStep(
                  c.account(), c.monthlyAmount(), taxYear, Book.of(AccountType.CASH))
              : new TransferStep(AccountType.CASH, c.account(), c.monthlyAmount()));
    }
    return steps;
  }
}
