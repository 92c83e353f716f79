package dev.finpilot.planning;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Debt payoff orders and a month-by-month payoff simulation in exact cents. Targeted debts roll
 * their whole payment into the next targeted debt once paid off (the avalanche and snowball
 * mechanics); other debts just pay their minimum.
 */
final class DebtSchedule {

  /** The simulation stops after 50 years; a debt still open then is reported as never paid. */
  static final int MAX_MONTHS = 600;

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

  private DebtSchedule() {}

  /**
   * Avalanche: highest APR first (then smaller balance). Snowball: smallest balance first (then
   * higher APR). Names break the remaining ties so the order is stable.
   */
  static List<Debt> order(List<Debt> debts, DebtPayoffMethod method) {
    Comparator<Debt> byApr = Comparator.comparing(Debt::apr).reversed();
    Comparator<Debt> byBalance = Comparator.comparing(Debt::balance);
    Comparator<Debt> primary =
        method == DebtPayoffMethod.AVALANCHE
            ? byApr.thenComparing(byBalance)
            : byBalance.thenComparing(byApr);
    return debts.stream().sorted(primary.thenComparing(Debt::name)).toList();
  }

  /** The level monthly payment that clears a balance at an APR within {@code months}. */
  static Money amortisingPayment(Money balance, BigDecimal apr, int months) {
    if (months <= 1 || !balance.isPositive()) {
      return balance.max(Money.zeroUsd());
    }
    BigDecimal rate = apr.divide(TWELVE, MathContext.DECIMAL64);
    BigDecimal payment;
    if (rate.signum() == 0) {
      payment = balance.amount().divide(BigDecimal.valueOf(months), MathContext.DECIMAL64);
    } else {
      BigDecimal growth = BigDecimal.ONE.add(rate).pow(months, MathContext.DECIMAL64);
      payment =
          balance
              .amount()
              .multiply(rate)
              .multiply(growth)
              .divide(growth.subtract(BigDecimal.ONE), MathContext.DECIMAL64);
    }
    return Money.usd(payment.setScale(2, RoundingMode.CEILING));
  }

  /** When one debt is paid off (month 1 is the first month) and the interest it cost. */
  record Payoff(String debt, int month, Money interest) {
    boolean paidOff() {
      return month > 0;
    }
  }

  /** A monthly amount that stops being needed for debts from {@code month} on. */
  record Release(int month, Money monthly, String reason) {}

  /** The simulated schedule. */
  record Result(List<Payoff> payoffs, Money totalInterest, List<Release> releases) {
    Payoff payoff(String debt) {
      return payoffs.stream().filter(p -> p.debt().equals(debt)).findFirst().orElseThrow();
    }
  }

  /**
   * Simulates the debts in the given order. Each month every open debt accrues a twelfth of its APR
   * and receives its payment; the first open targeted debt also receives the payments of targeted
   * debts already paid off. When the last targeted debt is paid, their combined payment is
   * released; an untargeted debt releases its own payment when paid.
   *
   * @param ordered debts in payoff order, targeted ones first
   * @param payments monthly payment per debt name
   * @param targeted how many of the first debts in {@code ordered} are targeted
   */
  static Result simulate(List<Debt> ordered, Map<String, Money> payments, int targeted) {
    int n = ordered.size();
    BigDecimal[] balance = new BigDecimal[n];
    BigDecimal[] rate = new BigDecimal[n];
    BigDecimal[] interest = new BigDecimal[n];
    int[] paidMonth = new int[n];
    for (int i = 0; i < n; i++) {
      Debt d = ordered.get(i);
      balance[i] = d.balance().amount();
      rate[i] = d.apr().divide(TWELVE, MathContext.DECIMAL64);
      interest[i] = BigDecimal.ZERO;
    }
    BigDecimal rolled = BigDecimal.ZERO;
    int open = n;
    for (int i = 0; i < n; i++) {
      if (balance[i].signum() == 0) {
        paidMonth[i] = 0;
        open--;
      } else {
        paidMonth[i] = -1;
      }
    }
    List<Release> releases = new ArrayList<>();
    int openTargeted = countOpen(paidMonth, targeted);
    for (int month = 1; month <= MAX_MONTHS && open > 0; month++) {
      int firstTargeted = firstOpen(paidMonth, targeted);
      BigDecimal newlyRolled = BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        if (paidMonth[i] >= 0) {
          continue;
        }
        BigDecimal charge = balance[i].multiply(rate[i]).setScale(2, RoundingMode.HALF_EVEN);
        interest[i] = interest[i].add(charge);
        BigDecimal owed = balance[i].add(charge);
        BigDecimal pay = payments.get(ordered.get(i).name()).amount();
        if (i == firstTargeted) {
          pay = pay.add(rolled);
        }
        BigDecimal paid = pay.min(owed);
        balance[i] = owed.subtract(paid);
        if (balance[i].signum() == 0) {
          paidMonth[i] = month;
          open--;
          if (i < targeted) {
            newlyRolled = newlyRolled.add(payments.get(ordered.get(i).name()).amount());
          } else if (!ordered.get(i).kind().isHousing()) {
            releases.add(
                new Release(
                    month + 1,
                    payments.get(ordered.get(i).name()),
                    ordered.get(i).name() + " paid off"));
          }
        }
      }
      rolled = rolled.add(newlyRolled);
      if (openTargeted > 0 && countOpen(paidMonth, targeted) == 0) {
        releases.add(new Release(month + 1, Money.usd(rolled), "targeted debts paid off"));
      }
      openTargeted = countOpen(paidMonth, targeted);
    }
    List<Payoff> payoffs = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      payoffs.add(new Payoff(ordered.get(i).name(), paidMonth[i], Money.usd(interest[i])));
      total = total.add(interest[i]);
    }
    return new Result(List.copyOf(payoffs), Money.usd(total), List.copyOf(releases));
  }

  private static int firstOpen(int[] paidMonth, int limit) {
    for (int i = 0; i < limit; i++) {
      if (paidMonth[i] < 0) {
        return i;
      }
    }
    return -1;
  }

  private static int countOpen(int[] paidMonth, int limit) {
    int count = 0;
    for (int i = 0; i < limit; i++) {
      if (paidMonth[i] < 0) {
        count++;
      }
    }
    return count;
  }
}
