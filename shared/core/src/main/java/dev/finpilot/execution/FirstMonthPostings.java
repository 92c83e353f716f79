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
 * Turns an approved plan into the ledger steps of its first month: open the accounts the plan uses,
 * receive the month's planned saving into cash, then move each contribution from cash into its
 * account (tax-advantaged accounts as limit-checked contributions). Amounts kept in cash, such as
 * the emergency fund, simply stay there.
 */
public final class FirstMonthPostings {
  private FirstMonthPostings() {}

  public static List<LedgerStep> of(Plan plan, Books books, int taxYear) {
    List<LedgerStep> steps = new ArrayList<>();
    Set<AccountType> needed = EnumSet.of(AccountType.CASH);
    plan.contributions().forEach(c -> needed.add(c.account()));
    for (AccountType account : needed) {
      if (books.account(account).isEmpty()) {
        steps.add(new OpenAccountStep(account));
      }
    }
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
