package dev.finpilot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

  @Test
  void allocationsMustSumToOneAndKnowTheirEquityShare() {
    Allocation a = Allocation.of("0.60", "0.30", "0.10");
    assertThat(a.equityShare()).isEqualByComparingTo("0.60");
    assertThat(a.weight(AssetClass.GOLD)).isEqualByComparingTo("0");
    assertThatThrownBy(() -> Allocation.of("0.60", "0.30", "0.20"))
        .hasMessageContaining("sum to 1");
    Map<AssetClass, BigDecimal> negative = new EnumMap<>(AssetClass.class);
    negative.put(AssetClass.US_LARGE_CAP, new BigDecimal("1.5"));
    negative.put(AssetClass.CASH, new BigDecimal("-0.5"));
    assertThatThrownBy(() -> new Allocation(negative)).hasMessageContaining("negative");
    assertThat(AssetClass.US_SMALL_CAP.dataColumn()).isEqualTo("small_cap");
  }

  @Test
  void glidePathHoldsEachTargetFromItsAge() {
    GlidePath path =
        new GlidePath(
            List.of(
                new GlidePath.Point(50, Allocation.of("0.50", "0.40", "0.10")),
                new GlidePath.Point(30, Allocation.of("0.90", "0.10", "0"))));
    assertThat(path.allocationAt(25).equityShare()).isEqualByComparingTo("0.90");
    assertThat(path.allocationAt(49).equityShare()).isEqualByComparingTo("0.90");
    assertThat(path.allocationAt(50).equityShare()).isEqualByComparingTo("0.50");
    assertThatThrownBy(() -> new GlidePath(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void planTotalsItsMonthlyFlows() {
    Plan plan =
        new Plan(
            "balanced",
            List.of(
                new Contribution(AccountType.EMPLOYER_401K, Money.usd(450)),
                new Contribution(AccountType.ROTH_IRA, Money.usd(500)),
                new Contribution(AccountType.EMPLOYER_401K, Money.usd(50))),
            List.of(new DebtPayment("visa", Money.usd(300), 1)),
            DebtPayoffMethod.AVALANCHE,
            Money.usd(9_000),
            GlidePath.constant(35, Allocation.of("0.6", "0.3", "0.1")),
            List.of(new Withdrawal(AccountType.ROTH_IRA, Money.usd(1), 40, null)),
            null,
            null,
            0,
            null,
            0.0);
    assertThat(plan.monthlyContribution(AccountType.EMPLOYER_401K)).isEqualTo(Money.usd(500));
    assertThat(plan.totalMonthlySaving()).isEqualTo(Money.usd(1_000));
    assertThat(plan.totalMonthlyDebtPayments()).isEqualTo(Money.usd(300));
    assertThat(plan.contributions().get(1).annualAmount()).isEqualTo(Money.usd(6_000));
    assertThat(plan.leverage()).isEqualByComparingTo("1");
    assertThat(plan.withdrawals().get(0).exception()).isEqualTo(Withdrawal.PenaltyException.NONE);
    assertThat(plan.withSuccessProbability(0.8).successProbability()).isEqualTo(0.8);
    assertThat(AccountType.ROTH_IRA.isRetirement()).isTrue();
    assertThat(AccountType.HSA.isTaxAdvantaged()).isTrue();
    assertThat(AccountType.TAXABLE_BROKERAGE.isTaxAdvantaged()).isFalse();
    assertThat(DebtKind.MORTGAGE.isHousing()).isTrue();
  }
}
