package dev.finpilot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void arithmeticIsExactToTheCent() {
    Money tenCents = Money.usd("0.10");
    Money sum = Money.zeroUsd();
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(tenCents);
    }
    assertThat(sum).isEqualTo(Money.usd("1.00"));
    assertThat(sum.toCents()).isEqualTo(100);
  }

  @Test
  void multiplicationRoundsHalfEven() {
    assertThat(Money.usd("0.125").amount()).isEqualByComparingTo("0.12");
    assertThat(Money.usd("10.00").times(new BigDecimal("0.0125"))).isEqualTo(Money.usd("0.12"));
    assertThat(Money.usd("100.00").dividedBy(3)).isEqualTo(Money.usd("33.33"));
  }

  @Test
  void refusesToMixCurrencies() {
    Money rupees = Money.of(new BigDecimal("2000000"), Money.INR);
    assertThatThrownBy(() -> Money.usd(1).plus(rupees))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("USD vs INR");
  }

  @Test
  void comparesAndOrders() {
    assertThat(Money.usd(5).isGreaterThan(Money.usd(4))).isTrue();
    assertThat(Money.usd(5).max(Money.usd(7))).isEqualTo(Money.usd(7));
    assertThat(Money.usd(5).min(Money.usd(7))).isEqualTo(Money.usd(5));
    assertThat(Money.usd(-1).isNegative()).isTrue();
    assertThat(Money.usd(5).minus(Money.usd(5)).isZero()).isTrue();
    assertThat(Money.ofCents(12345, Money.USD).toString()).isEqualTo("USD 123.45");
  }

  @Test
  void formatsForMessages() {
    assertThat(Money.usd("1234.5").formatted()).isEqualTo("$1,234.50");
    assertThat(Money.usd("-5").formatted()).isEqualTo("-$5.00");
    assertThat(Money.of(new BigDecimal("2000000"), Money.INR).formatted())
        .isEqualTo("INR 2,000,000.00");
    assertThat(AccountType.ROTH_IRA.label()).isEqualTo("Roth IRA");
  }
}
