package dev.finpilot.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A concrete financial plan produced by one strategy: where each month's money goes, how debts are
 * paid, how the portfolio is invested over time, and what the projection says about it.
 *
 * <p>{@code leverage} is gross exposure over equity (1 means no borrowing); {@code
 * dayTradesPerWeek} and {@code privatePlacements} exist so the verifier can apply the
 * pattern-day-trader and accredited-investor rules to plans that propose them.
 */
public record Plan(
    String strategy,
    List<Contribution> contributions,
    List<DebtPayment> debtPayments,
    DebtPayoffMethod debtPayoffMethod,
    Money emergencyFundTarget,
    GlidePath glidePath,
    List<Withdrawal> withdrawals,
    List<PlanStep> steps,
    BigDecimal leverage,
    int dayTradesPerWeek,
    Money privatePlacements,
    double successProbability) {

  public Plan {
    contributions = List.copyOf(contributions);
    debtPayments = List.copyOf(debtPayments);
    withdrawals = withdrawals == null ? List.of() : List.copyOf(withdrawals);
    steps = steps == null ? List.of() : List.copyOf(steps);
    leverage = leverage == null ? BigDecimal.ONE : leverage;
    privatePlacements = privatePlacements == null ? Money.zeroUsd() : privatePlacements;
  }

  public Money monthlyContribution(AccountType account) {
    return contributions.stream()
        .filter(c -> c.account() == account)
        .map(Contribution::monthlyAmount)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  public Money totalMonthlySaving() {
    return contributions.stream()
        .map(Contribution::monthlyAmount)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  public Money totalMonthlyDebtPayments() {
    return debtPayments.stream()
        .map(DebtPayment::monthlyAmount)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  public Plan withSuccessProbability(double probability) {
    return new Plan(
        strategy,
        contributions,
        debtPayments,
        debtPayoffMethod,
        emergencyFundTarget,
        glidePath,
        withdrawals,
        steps,
        leverage,
        dayTradesPerWeek,
        privatePlacements,
        probability);
  }
}
