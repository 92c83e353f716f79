package dev.finpilot.functions.api.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FiguresTest {

  @Test
  void moneyIsWrittenFromItsExactDecimalValue() {
    assertThat(Figures.money(Money.usd("1234567.89"))).isEqualTo("$1,234,567.89");
    // A double would print 0.30000000000000004 for 0.1 + 0.2; Money adds exactly.
    assertThat(Figures.money(Money.usd("0.10").plus(Money.usd("0.20")))).isEqualTo("$0.30");
    assertThat(Figures.money(Money.usd("-45.5"))).isEqualTo("-$45.50");
    assertThat(Figures.money(Money.of(new BigDecimal("100000"), Money.INR)))
        .isEqualTo("100,000.00 INR");
    assertThat(Figures.money(Money.usd("9999999999999999.99")))
        .isEqualTo("$9,999,999,999,999,999.99");
  }

  @Test
  void wholeDollarsPercentagesSharesAndScores() {
    assertThat(Figures.dollars(new BigDecimal("1500000"))).isEqualTo("$1,500,000");
    assertThat(Figures.percent(0.8534)).isEqualTo("85.3%");
    assertThat(Figures.percent(0.85)).isEqualTo("85.0%");
    assertThat(Figures.percent(0.0005)).isEqualTo("0.0%");
    assertThat(Figures.share(new BigDecimal("0.2290"))).isEqualTo("22.9%");
    assertThat(Figures.share(new BigDecimal("0.50"))).isEqualTo("50%");
    assertThat(Figures.score(0.9014)).isEqualTo("0.901");
  }

  @Test
  void wealthIsRoundedHalfEvenToWholeDollars() {
    assertThat(PlanReports.wholeDollars(2.5)).isEqualByComparingTo("2");
    assertThat(PlanReports.wholeDollars(3.5)).isEqualByComparingTo("4");
    assertThat(PlanReports.wholeDollars(1234567.49)).isEqualByComparingTo("1234567");
  }
}
