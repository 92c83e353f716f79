package dev.finpilot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.AssetClass;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoricalReturnsTest {

  private final HistoricalReturns data = HistoricalReturns.embedded();

  @Test
  void embeddedDataIsThePinnedEditionWithNinetyEightYears() {
    assertThat(HistoricalReturns.EDITION).isEqualTo("damodaran-2026-01");
    assertThat(data.edition()).isEqualTo(HistoricalReturns.EDITION);
    assertThat(data.firstYear()).isEqualTo(1928);
    assertThat(data.lastYear()).isEqualTo(2025);
    assertThat(data.yearCount()).isEqualTo(98);
    assertThat(data.covers(1927)).isFalse();
    assertThat(data.covers(2025)).isTrue();
    assertThat(HistoricalReturns.embedded()).isSameAs(data);
  }

  @Test
  void valuesMatchThePublishedPlausibilityChecks() {
    assertThat(data.returnOf(AssetClass.US_LARGE_CAP, 2008)).isEqualTo(-0.365523);
    assertThat(data.returnOf(AssetClass.US_LARGE_CAP, 1931)).isCloseTo(-0.4384, within(1e-4));
    assertThat(data.returnOf(AssetClass.CASH, 1928)).isEqualTo(0.0308);
    assertThat(data.returnOf(AssetClass.TREASURY_BOND, 2022)).isCloseTo(-0.1783, within(1e-4));
    assertThat(data.returnOf(AssetClass.GOLD, 2025)).isCloseTo(0.6622, within(1e-4));
    assertThat(data.inflationOf(1974)).isCloseTo(0.1234, within(1e-4));
    assertThat(data.returns(AssetClass.REAL_ESTATE)).hasSize(98);
  }

  @Test
  void summaryStatisticsMatchTheWorkbook() {
    assertThat(mean(data.returns(AssetClass.US_LARGE_CAP))).isCloseTo(0.1185, within(5e-5));
    assertThat(mean(data.returns(AssetClass.TREASURY_BOND))).isCloseTo(0.0482, within(5e-5));
    assertThat(mean(data.inflation())).isCloseTo(0.0311, within(5e-5));
  }

  @Test
  void arraysAreCopiesSoTheSharedDataCannotChange() {
    double[] stocks = data.returns(AssetClass.US_LARGE_CAP);
    stocks[0] = 99;
    double[] cpi = data.inflation();
    cpi[0] = 99;
    assertThat(data.returnOf(AssetClass.US_LARGE_CAP, 1928)).isEqualTo(0.438112);
    assertThat(data.inflationOf(1928)).isEqualTo(-0.011561);
  }

  @Test
  void yearsOutsideTheDataAreRefused() {
    assertThatThrownBy(() -> data.returnOf(AssetClass.CASH, 2026))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1928-2025");
    assertThatThrownBy(() -> data.inflationOf(1900)).hasMessageContaining("outside");
  }

  @Test
  void parsingAcceptsAWellFormedFile() {
    HistoricalReturns parsed = HistoricalReturns.parse(lines("2000", "2001"), "test");
    assertThat(parsed.edition()).isEqualTo("test");
    assertThat(parsed.firstYear()).isEqualTo(2000);
    assertThat(parsed.lastYear()).isEqualTo(2001);
    assertThat(parsed.returnOf(AssetClass.GOLD, 2001)).isEqualTo(0.07);
  }

  @Test
  void damagedFilesFailLoudly() {
    assertThatThrownBy(() -> HistoricalReturns.parse(List.of(), "t")).hasMessageContaining("empty");
    assertThatThrownBy(() -> HistoricalReturns.parse(List.of(HEADER), "t"))
        .hasMessageContaining("no data rows");
    assertThatThrownBy(
            () -> HistoricalReturns.parse(List.of(HEADER.replace(",gold", ",silver")), "t"))
        .hasMessageContaining("missing column gold");
    assertThatThrownBy(() -> HistoricalReturns.parse(lines("2000", "2002"), "t"))
        .hasMessageContaining("expected year 2001 but found 2002");
    assertThatThrownBy(() -> HistoricalReturns.parse(List.of(HEADER, "2000,0.1,0.2"), "t"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> HistoricalReturns.parse(List.of(HEADER, row("2000", "abc")), "t"))
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> HistoricalReturns.parse(List.of(HEADER, row("2000", "-1.0")), "t"))
        .hasMessageContaining("out of range");
  }

  private static final String HEADER =
      "year,sp500,small_cap,tbill_3m,tbond_10y,baa_corp,real_estate,gold,cpi";

  private static List<String> lines(String firstYear, String secondYear) {
    return List.of(HEADER, row(firstYear, "0.10"), "", row(secondYear, "0.10"));
  }

  private static String row(String year, String sp500) {
    return year + "," + sp500 + ",0.12,0.03,0.04,0.05,0.02,0.07,0.025";
  }

  private static double mean(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    return sum / x.length;
  }
}
