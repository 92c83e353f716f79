package dev.finpilot.monitoring;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The household's state after a reported life event, where the report alone says how it changed.
 * Nothing is guessed: where the new numbers depend on what only the owner knows (a divorce
 * settlement, a retirement income, how an uncovered medical bill is financed), there is no revised
 * state and the owner is asked for it.
 */
public final class LifeEventEffects {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private LifeEventEffects() {}

  /** The revised state, or empty where the report cannot say or the result would not be valid. */
  public static Optional<FinancialState> revise(FinancialState state, LifeEvent event) {
    return effect(state, event).filter(revised -> revised.validate().isEmpty());
  }

  private static Optional<FinancialState> effect(FinancialState state, LifeEvent event) {
    return switch (event.type()) {
      case JOB_LOSS ->
          // No salary means no employer contributions either.
          Optional.of(withIncome(state, Money.zeroUsd(), EmployerMatch.NONE));
      case INCOME_CHANGE ->
          Optional.of(
              withIncome(
                  state,
                  state
                      .annualIncome()
                      .times(BigDecimal.ONE.add(event.incomeChangePercent().divide(HUNDRED))),
                  state.employerMatch()));
      case NEW_DEPENDENT -> Optional.of(withDependents(state, state.dependents() + 1));
      case WINDFALL, INHERITANCE ->
          Optional.of(withAccounts(state, deposit(state, event.amount())));
      case MEDICAL_EMERGENCY ->
          event.amount() == null || state.balance(AccountType.CASH).isLessThan(event.amount())
              ? Optional.empty()
              : Optional.of(withAccounts(state, withdraw(state, event.amount())));
      case DIVORCE, RETIREMENT -> Optional.empty();
    };
  }

  /** Adds the sum to the first cash account, or opens one. */
  private static List<Account> deposit(FinancialState state, Money amount) {
    List<Account> accounts = new ArrayList<>(state.accounts());
    for (int i = 0; i < accounts.size(); i++) {
      Account a = accounts.get(i);
      if (a.type() == AccountType.CASH) {
        accounts.set(i, new Account(a.id(), a.type(), a.balance().plus(amount)));
        return accounts;
      }
    }
    accounts.add(new Account(freeId(state, "cash"), AccountType.CASH, amount));
    return accounts;
  }

  /**
   * Pays the sum from the cash accounts in their listed order; the caller checked they cover it.
   */
  private static List<Account> withdraw(FinancialState state, Money amount) {
    List<Account> accounts = new ArrayList<>();
    Money left = amount;
    for (Account a : state.accounts()) {
      if (a.type() == AccountType.CASH && left.isPositive()) {
        Money taken = a.balance().min(left);
        left = left.minus(taken);
        accounts.add(new Account(a.id(), a.type(), a.balance().minus(taken)));
      } else {
        accounts.add(a);
      }
    }
    return accounts;
  }

  private static String freeId(FinancialState state, String base) {
    String id = base;
    for (int n = 2; taken(state, id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  private static boolean taken(FinancialState state, String id) {
    return state.accounts().stream().anyMatch(a -> a.id().equals(id));
  }

  private static FinancialState withIncome(FinancialState s, Money income, EmployerMatch match) {
    return revised(s, income, match, s.accounts(), s.dependents());
  }

  private static FinancialState withDependents(FinancialState s, int dependents) {
    return revised(s, s.annualIncome(), s.employerMatch(), s.accounts(), dependents);
  }

  private static FinancialState withAccounts(FinancialState s, List<Account> accounts) {
    return revised(s, s.annualIncome(), s.employerMatch(), accounts, s.dependents());
  }

  private static FinancialState revised(
      FinancialState s, Money income, EmployerMatch match, List<Account> accounts, int dependents) {
    return new FinancialState(
        s.age(),
        s.filingStatus(),
        income,
        s.expenses(),
        accounts,
        match,
        s.debts(),
        dependents,
        s.riskTolerance(),
        s.plannedRetirementAge(),
        s.hsaCoverage());
  }
}
