package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The request's goals in priority order with what each needs: where its money is saved, which
 * existing balances count toward it and how much a month reaches it.
 *
 * <p>The funding arithmetic assumes modest real returns: nothing on cash, 3% a year on invested
 * saving for a goal, 4% on retirement saving. The Monte Carlo projection replaces these for the
 * primary goal; for the others they are a feasibility check.
 */
final class GoalBook {

  static final BigDecimal CASH_RETURN = BigDecimal.ZERO;
  static final BigDecimal INVESTED_GOAL_RETURN = new BigDecimal("0.03");
  static final BigDecimal RETIREMENT_RETURN = new BigDecimal("0.04");

  private static final Set<AccountType> RETIREMENT_ACCOUNTS =
      EnumSet.of(
          AccountType.EMPLOYER_401K,
          AccountType.EMPLOYER_403B,
          AccountType.TRADITIONAL_IRA,
          AccountType.ROTH_IRA,
          AccountType.HSA);

  private final PlanningRequest request;
  private final List<Goal> byPriority;
  private final int shortHorizonMonths;

  GoalBook(PlanningRequest request, int shortHorizonMonths) {
    this.request = request;
    this.shortHorizonMonths = shortHorizonMonths;
    this.byPriority =
        request.goals().stream()
            .sorted(
                Comparator.comparingInt(Goal::priority)
                    .thenComparing(Goal::targetDate)
                    .thenComparing(Goal::type))
            .toList();
  }

  static String label(Goal goal) {
    return goal.description().isBlank()
        ? goal.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        : goal.description();
  }

  List<Goal> byPriority() {
    return byPriority;
  }

  Optional<Goal> first(GoalType type) {
    return byPriority.stream().filter(g -> g.type() == type).findFirst();
  }

  Optional<Goal> retirement() {
    return first(GoalType.RETIREMENT);
  }

  /**
   * The goal the plan is projected toward: the highest-priority goal with a market outcome. Debt
   * payoff is certain arithmetic, so it is checked rather than projected.
   */
  Optional<Goal> primary() {
    return byPriority.stream().filter(g -> g.type() != GoalType.DEBT_PAYOFF).findFirst();
  }

  /** Goals saved for in an account of their own: home, education, investing, savings. */
  List<Goal> savingGoals() {
    return byPriority.stream().filter(GoalBook::isSavingGoal).toList();
  }

  static boolean isSavingGoal(Goal goal) {
    return switch (goal.type()) {
      case HOME_PURCHASE, EDUCATION, GENERAL_INVESTING, SAVINGS -> true;
      case RETIREMENT, EMERGENCY_FUND, DEBT_PAYOFF -> false;
    };
  }

  /**
   * Whether a saving goal is funded before retirement accounts beyond the match: it comes first in
   * the priority order (priority, then the earlier date), or there is no retirement goal.
   */
  boolean aheadOfRetirement(Goal goal) {
    Optional<Goal> retirement = retirement();
    return retirement.isEmpty() || byPriority.indexOf(goal) < byPriority.indexOf(retirement.get());
  }

  int months(Goal goal) {
    return (int) Math.max(1, goal.horizonMonths(request.asOf()));
  }

  boolean isShortHorizon(Goal goal) {
    return goal.horizonMonths(request.asOf()) <= shortHorizonMonths;
  }

  /** Cash for money needed within the short horizon, a 529 plan for education, else taxable. */
  AccountType accountFor(Goal goal) {
    if (isShortHorizon(goal)) {
      return AccountType.CASH;
    }
    return goal.type() == GoalType.EDUCATION
        ? AccountType.EDUCATION_529
        : AccountType.TAXABLE_BROKERAGE;
  }

  /**
   * Balances already earmarked for a goal: retirement accounts and the HSA for retirement; a 529
   * for the first education goal; the taxable account and cash above the emergency fund for the
   * highest-priority saving goal, or for retirement when there is none; cash for the emergency
   * fund.
   */
  Money existing(Goal goal, Money emergencyTarget) {
    FinancialState state = request.state();
    Money cash = state.balance(AccountType.CASH);
    Money spare =
        state
            .balance(AccountType.TAXABLE_BROKERAGE)
            .plus(cash.minus(emergencyTarget).max(Money.zeroUsd()));
    Money total = Money.zeroUsd();
    switch (goal.type()) {
      case RETIREMENT -> {
        for (AccountType type : RETIREMENT_ACCOUNTS) {
          total = total.plus(state.balance(type));
        }
        if (savingGoals().isEmpty()) {
          total = total.plus(spare);
        }
      }
      case EMERGENCY_FUND -> total = cash;
      case DEBT_PAYOFF -> total = Money.zeroUsd();
      case HOME_PURCHASE, EDUCATION, GENERAL_INVESTING, SAVINGS -> {
        if (goal.equals(first(GoalType.EDUCATION).orElse(null))) {
          total = total.plus(state.balance(AccountType.EDUCATION_529));
        }
        if (goal.equals(savingGoals().get(0))) {
          total = total.plus(spare);
        }
      }
    }
    return total;
  }

  /** The monthly saving that reaches a goal from its earmarked balance at the assumed return. */
  Money requiredMonthly(Goal goal, Money existing, BigDecimal annualReturn) {
    int n = months(goal);
    BigDecimal rate = annualReturn.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
    BigDecimal growth = BigDecimal.ONE.add(rate).pow(n, MathContext.DECIMAL64);
    BigDecimal need = goal.targetAmount().amount().subtract(existing.amount().multiply(growth));
    if (need.signum() <= 0) {
      return Money.zeroUsd();
    }
    BigDecimal monthly =
        rate.signum() == 0
            ? need.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64)
            : need.multiply(rate).divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL64);
    return Money.usd(monthly.setScale(2, RoundingMode.CEILING));
  }

  /** What a goal's balance and monthly saving grow to by its date at the assumed return. */
  Money projected(Goal goal, Money existing, Money monthly, BigDecimal annualReturn) {
    int n = months(goal);
    BigDecimal rate = annualReturn.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64);
    BigDecimal growth = BigDecimal.ONE.add(rate).pow(n, MathContext.DECIMAL64);
    BigDecimal annuity =
        rate.signum() == 0
            ? BigDecimal.valueOf(n)
            : growth.subtract(BigDecimal.ONE).divide(rate, MathContext.DECIMAL64);
    return Money.usd(existing.amount().multiply(growth).add(monthly.amount().multiply(annuity)));
  }

  BigDecimal assumedReturn(Goal goal) {
    if (goal.type() == GoalType.RETIREMENT) {
      return RETIREMENT_RETURN;
    }
    return goal.type() == GoalType.EMERGENCY_FUND || accountFor(goal) == AccountType.CASH
        ? CASH_RETURN
        : INVESTED_GOAL_RETURN;
  }
}
