package dev.finpilot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.domain.JsonMapping;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketSnapshotTest {

  static final HistoricalReturns DATA = HistoricalReturns.embedded();
  static final Instant FETCHED = Instant.parse("2026-12-04T15:00:00Z");

  static Series rateSeries(Rate rate, String percent, Provenance provenance) {
    return new Series(
        rate.name(),
        Series.Unit.PERCENT,
        List.of(Observation.of("2026-12-02", "4.00"), Observation.of("2026-12-03", percent)),
        "alpha-vantage",
        FETCHED,
        provenance);
  }

  /** 13 monthly CPI levels, the last 3% above the first. */
  static Series consumerPrices() {
    List<Observation> points = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      points.add(Observation.of(LocalDate.of(2025, 11, 1).plusMonths(m).toString(), "300.000"));
    }
    points.add(Observation.of("2026-11-01", "309.000"));
    return new Series("CPI", Series.Unit.INDEX, points, "alpha-vantage", FETCHED, Provenance.LIVE);
  }

  static MarketSnapshot live(String threeMonth, String tenYear) {
    return MarketSnapshot.currentMarket(
        DATA,
        MarketReading.of(rateSeries(Rate.DGS3MO, threeMonth, Provenance.LIVE)),
        MarketReading.of(rateSeries(Rate.DGS10, tenYear, Provenance.CACHED)),
        MarketReading.of(consumerPrices()));
  }

  static MarketSnapshot offline() {
    MarketReading none = MarketReading.unavailable("no live source is configured");
    return MarketSnapshot.currentMarket(DATA, none, none, none);
  }

  @Test
  void theHistoricalSnapshotHoldsTheSampleMomentsOfTheEmbeddedHistory() {
    MarketSnapshot s = MarketSnapshot.historical();
    assertThat(s.basis()).isEqualTo(AssumptionBasis.HISTORICAL);
    assertThat(s.edition()).isEqualTo(HistoricalReturns.EDITION);
    assertThat(s.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(s.inputs()).isEmpty();
    // The published 1928-2025 arithmetic means and standard deviations.
    AssumptionsDocument a = s.assumptions();
    assertThat(a.mean(AssetClass.US_LARGE_CAP)).isCloseTo(0.1185, within(5e-5));
    assertThat(a.mean(AssetClass.CASH)).isCloseTo(0.0341, within(5e-5));
    assertThat(a.mean(AssetClass.TREASURY_BOND)).isCloseTo(0.0482, within(5e-5));
    assertThat(a.assets().get(AssetClass.US_LARGE_CAP).volatility())
        .isCloseTo(0.1940, within(5e-5));
    assertThat(a.inflation().arithmeticMean()).isCloseTo(0.0311, within(5e-5));
    assertThat(s).isEqualTo(MarketSnapshot.historical(DATA));
    assertThat(s.id()).matches("[0-9a-f]{16}");
  }

  @Test
  void liveRatesSetCashAndBondsAndCarryEachClassesPremiumOverBonds() {
    MarketSnapshot s = live("5.00", "4.50");
    AssumptionsDocument history = MarketSnapshot.historical().assumptions();
    AssumptionsDocument a = s.assumptions();
    double bonds = history.mean(AssetClass.TREASURY_BOND);

    assertThat(s.basis()).isEqualTo(AssumptionBasis.CURRENT_MARKET);
    assertThat(a.mean(AssetClass.CASH)).isEqualTo(0.05);
    assertThat(a.mean(AssetClass.TREASURY_BOND)).isEqualTo(0.045);
    for (AssetClass c :
        List.of(AssetClass.US_LARGE_CAP, AssetClass.CORPORATE_BOND, AssetClass.GOLD)) {
      assertThat(a.mean(c)).isEqualTo(0.045 + (history.mean(c) - bonds));
      assertThat(a.assets().get(c).volatility()).isEqualTo(history.assets().get(c).volatility());
    }
    // The equity premium over bonds is about 7 points, so equities expect about 11.5%.
    assertThat(a.mean(AssetClass.US_LARGE_CAP)).isCloseTo(0.1153, within(5e-4));
    // Consumer prices rose 3% in 12 months: half of that plus half of the long-run 3.11%.
    assertThat(a.inflation().arithmeticMean())
        .isEqualTo(0.5 * 0.03 + 0.5 * history.inflation().arithmeticMean());
    assertThat(a.correlations()).isEqualTo(history.correlations());
  }

  @Test
  void eachInputSaysWhereItCameFromAsOfWhenAndHow() {
    MarketSnapshot s = live("5.00", "4.50");
    assertThat(s.inputs())
        .extracting(
            MarketInput::name,
            i -> i.value().toPlainString(),
            MarketInput::source,
            MarketInput::asOf,
            MarketInput::provenance)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "DGS3MO", "5.00", "alpha-vantage", LocalDate.of(2026, 12, 3), Provenance.LIVE),
            org.assertj.core.groups.Tuple.tuple(
                "DGS10", "4.50", "alpha-vantage", LocalDate.of(2026, 12, 3), Provenance.CACHED),
            org.assertj.core.groups.Tuple.tuple(
                "CPI", "3.0000", "alpha-vantage", LocalDate.of(2026, 11, 1), Provenance.LIVE));
    assertThat(s.inputs()).allSatisfy(i -> assertThat(i.note()).isNull());
    assertThat(s.asOf()).isEqualTo(LocalDate.of(2026, 12, 3));
  }

  @Test
  void withoutReadingsTheMeansStayHistoricalAndTheInputsSayWhy() {
    MarketSnapshot s = offline();
    assertThat(s.basis()).isEqualTo(AssumptionBasis.CURRENT_MARKET);
    assertThat(s.assumptions()).isEqualTo(MarketSnapshot.historical().assumptions());
    assertThat(s.asOf()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(s.inputs()).extracting(MarketInput::name).containsExactly("DGS3MO", "DGS10", "CPI");
    assertThat(s.inputs())
        .allSatisfy(
            i -> {
              assertThat(i.provenance()).isEqualTo(Provenance.EMBEDDED);
              assertThat(i.source()).isEqualTo(MarketInput.EMBEDDED_SOURCE);
              assertThat(i.value()).isNull();
              assertThat(i.note()).isEqualTo("no live source is configured");
            });
  }

  @Test
  void oneMissingRateLeavesOnlyItsPartHistorical() {
    MarketSnapshot s =
        MarketSnapshot.currentMarket(
            DATA,
            MarketReading.unavailable("daily limit spent"),
            MarketReading.of(rateSeries(Rate.DGS10, "4.50", Provenance.LIVE)),
            MarketReading.unavailable("no CPI"));
    AssumptionsDocument history = MarketSnapshot.historical().assumptions();
    assertThat(s.assumptions().mean(AssetClass.CASH)).isEqualTo(history.mean(AssetClass.CASH));
    assertThat(s.assumptions().mean(AssetClass.TREASURY_BOND)).isEqualTo(0.045);
    assertThat(s.assumptions().inflation()).isEqualTo(history.inflation());
  }

  @Test
  void consumerPricesWithoutAReadingAYearEarlierStayHistorical() {
    Series cpi = consumerPrices();
    Series gap =
        new Series(
            "CPI",
            Series.Unit.INDEX,
            cpi.points().subList(1, cpi.points().size()),
            "yahoo-finance",
            FETCHED,
            Provenance.LIVE);
    MarketReading none = MarketReading.unavailable("offline");
    MarketSnapshot s = MarketSnapshot.currentMarket(DATA, none, none, MarketReading.of(gap));
    MarketInput input = s.inputs().get(2);
    assertThat(input.provenance()).isEqualTo(Provenance.EMBEDDED);
    assertThat(input.note()).contains("yahoo-finance", "2025-11-01");
    assertThat(s.assumptions().inflation())
        .isEqualTo(MarketSnapshot.historical().assumptions().inflation());
  }

  @Test
  void theIdIsAHashOfTheContent() {
    assertThat(live("5.00", "4.50").id()).isEqualTo(live("5.00", "4.50").id());
    assertThat(live("5.00", "4.50").id()).isNotEqualTo(live("5.01", "4.50").id());
    assertThat(offline().id()).isNotEqualTo(MarketSnapshot.historical().id());
  }

  @Test
  void aSnapshotReadsBackFromJsonUnchanged() {
    for (MarketSnapshot s : List.of(live("5.00", "4.50"), offline(), MarketSnapshot.historical())) {
      MarketSnapshot read = JsonMapping.read(JsonMapping.write(s), MarketSnapshot.class);
      assertThat(read).isEqualTo(s);
      assertThat(read.basis()).isEqualTo(s.basis());
    }
    assertThat(JsonMapping.write(live("5.00", "4.50"))).contains("\"basis\":\"current-market\"");
  }

  @Test
  void theLognormalModelOfASnapshotHasItsMeans() {
    MarketSnapshot s = live("5.00", "4.50");
    CapitalMarketAssumptions model = s.assumptions().toAssumptions();
    assertThat(model.arithmeticMean(AssetClass.CASH)).isCloseTo(0.05, within(1e-12));
    assertThat(model.volatility(AssetClass.US_LARGE_CAP))
        .isCloseTo(
            MarketSnapshot.historical()
                .assumptions()
                .assets()
                .get(AssetClass.US_LARGE_CAP)
                .volatility(),
            within(1e-12));
  }

  @Test
  void aReadingIsASeriesOrAReasonNotBoth() {
    assertThatThrownBy(() -> new MarketReading(null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MarketReading(consumerPrices(), "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
