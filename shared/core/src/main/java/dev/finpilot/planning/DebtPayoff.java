package dev.finpilot.planning;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayment;
import java.util.List;

/**
 * How a draft pays its debts off.
 *
 * @param order every debt in the plan's payment order
 * @param targeted how many of the first debts in the order get extra payments
 * @param payments each debt's monthly payment, in the order
 * @param schedule the month-by-month payoff at these payments
 * @param reason why this payoff order, with the interest it saves or costs
 */
record DebtPayoff(
    List<Debt> order,
    int targeted,
    List<DebtPayment> payments,
    DebtSchedule.Result schedule,
    String reason) {

  DebtPayoff {
    order = List.copyOf(order);
    payments = List.copyOf(payments);
  }

  /** The debts that get extra payments, in payoff order. */
  List<Debt> targetedDebts() {
    return order.subList(0, targeted);
  }
}
