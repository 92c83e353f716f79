package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebtScheduleTest {

  private static final Debt CARD =
      Households.debt("card", DebtKind.CREDIT_CARD, 5_000, "0.24", 100);
  private static final Debt STORE = Households.debt("store", DebtKind.CREDIT_CARD, 800, "0.18", 40);
  private static final Debt LOAN =
      Households.debt("loan", DebtKind.STUDENT_LOAN, 12_000, "0.05", 130);

  @Test
  void avalancheOrdersByAprAndSnowballByBalance() {
    List<Debt> debts = List.of(LOAN, STORE, CARD);
    assertThat(DebtSchedule.order(debts, DebtPayoffMethod.AVALANCHE))
        .containsExactly(CARD, STORE, LOAN);
    assertThat(DebtSchedule.order(debts, DebtPayoffMethod.SNOWBALL))
        .containsExactly(STORE, CARD, LOAN);
  }

  @Test
  void theAmortisingPaymentClearsTheBalanceOnTime() {
    Money payment = DebtSchedule.amortisingPayment(Money.usd(5_000), new BigDecimal("0.24"), 12);
    assertThat(payment).isEqualTo(Money.usd("472.80"));
    DebtSchedule.Result result = DebtSchedule.simulate(List.of(CARD), Map.of("card", payment), 1);
    assertThat(result.payoff("card").month()).isEqualTo(12);
    assertThat(DebtSchedule.amortisingPayment(Money.usd(1_200), BigDecimal.ZERO, 12))
        .isEqualTo(Money.usd(100));
    assertThat(DebtSchedule.amortisingPayment(Money.usd(900), new BigDecimal("0.2"), 1))
        .isEqualTo(Money.usd(900));
  }

  @Test
  void paidOffPaymentsRollIntoTheNextTargetedDebtAndAreReleasedAtTheEnd() {
    Map<String, Money> payments = new LinkedHashMap<>();
    payments.put("store", Money.usd(440));
    payments.put("card", Money.usd(100));
    payments.put("loan", Money.usd(130));
    DebtSchedule.Result result = DebtSchedule.simulate(List.of(STORE, CARD, LOAN), payments, 2);
    int store = result.payoff("store").month();
    int card = result.payoff("card").month();
    assertThat(store).isEqualTo(2);
    assertThat(card).isGreaterThan(store).isLessThan(20);
    assertThat(result.releases())
        .anySatisfy(
            r -> {
              assertThat(r.month()).isEqualTo(card + 1);
              assertThat(r.monthly()).isEqualTo(Money.usd(540));
            });
    DebtSchedule.Payoff loan = result.payoff("loan");
    assertThat(loan.paidOff()).isTrue();
    assertThat(result.releases())
        .anySatisfy(r -> assertThat(r.reason()).isEqualTo("loan paid off"));
    assertThat(result.totalInterest())
        .isEqualTo(
            result
                .payoff("store")
                .interest()
                .plus(result.payoff("card").interest())
                .plus(loan.interest()));
  }

  @Test
  void aPaymentBelowTheInterestNeverPaysOff() {
    Debt stuck = Households.debt("stuck", DebtKind.PERSONAL_LOAN, 10_000, "0.30", 100);
    DebtSchedule.Result result =
        DebtSchedule.simulate(List.of(stuck), Map.of("stuck", Money.usd(100)), 1);
    assertThat(result.payoff("stuck").paidOff()).isFalse();
    assertThat(result.releases()).isEmpty();
  }

  @Test
  void aZeroBalanceDebtCountsAsPaid() {
    Debt paid = Households.debt("paid", DebtKind.AUTO_LOAN, 0, "0.05", 0);
    DebtSchedule.Result result =
        DebtSchedule.simulate(List.of(paid), Map.of("paid", Money.zeroUsd()), 0);
    assertThat(result.payoff("paid").month()).isZero();
    assertThat(result.totalInterest()).isEqualTo(Money.zeroUsd());
  }
}
