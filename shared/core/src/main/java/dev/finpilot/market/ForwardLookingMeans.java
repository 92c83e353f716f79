package dev.finpilot.market;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.AssumptionBasis;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a current-market snapshot. Expected returns follow the building-block method: cash earns
 * the 3-month yield, Treasury bonds the 10-year yield, and every other asset class the 10-year
 * yield plus its long-run premium over Treasury bonds in the history (the equity premium for
 * stocks, the credit spread for corporate bonds). Expected inflation is the latest 12-month change
 * in consumer prices blended with the long-run mean.
 */
final class ForwardLookingMeans {

  /**
   * The weight of the latest 12-month inflation in the expected rate; the rest is the long-run
   * mean. Inflation is persistent over a year or two but has reverted to its mean over the decades
   * a plan spans, so neither reading alone describes a plan's horizon.
   */
  static final double RECENT_INFLATION_WEIGHT = 0.5;

  static final String CPI = "CPI";

  private static final int PERCENT_SCALE = 4;

  private final HistoricalReturns data;
  private final AssumptionsDocument history;
  private final List<MarketInput> inputs = new ArrayList<>();

  ForwardLookingMeans(HistoricalReturns data) {
    this.data = data;
    this.history = AssumptionsDocument.historical(data);
  }

  MarketSnapshot snapshot(
      MarketReading threeMonthYield, MarketReading tenYearYield, MarketReading consumerPrices) {
    Map<AssetClass, Double> means = new EnumMap<>(AssetClass.class);
    latestYield(Rate.DGS3MO, threeMonthYield).ifPresent(y -> means.put(AssetClass.CASH, y));
    latestYield(Rate.DGS10, tenYearYield)
        .ifPresent(
            y -> {
              double bonds = history.mean(AssetClass.TREASURY_BOND);
              for (AssetClass a : AssetClass.values()) {
                if (a != AssetClass.CASH) {
                  means.put(a, y + (history.mean(a) - bonds));
                }
              }
            });
    double inflation = inflation(consumerPrices);
    List<String> used =
        inputs.stream()
            .filter(i -> i.provenance() != Provenance.EMBEDDED)
            .map(MarketInput::name)
            .toList();
    String source =
        used.isEmpty()
            ? history.source()
            : history.source() + ", means from " + String.join(", ", used);
    LocalDate asOf =
        inputs.stream()
            .filter(i -> i.provenance() != Provenance.EMBEDDED)
            .map(MarketInput::asOf)
            .max(Comparator.naturalOrder())
            .orElse(MarketInput.endOf(data));
    return MarketSnapshot.of(
        AssumptionBasis.CURRENT_MARKET,
        asOf,
        data.edition(),
        inputs,
        history.withMeans(source, means, inflation));
  }

  /** The latest yield as a fraction, or empty when it stays historical. */
  private Optional<Double> latestYield(Rate rate, MarketReading reading) {
    if (reading.series() == null) {
      inputs.add(MarketInput.embedded(rate.name(), data, reading.unavailable()));
      return Optional.empty();
    }
    BigDecimal percent = reading.series().latest().value();
    inputs.add(MarketInput.read(rate.name(), percent, reading.series()));
    return Optional.of(percent.movePointLeft(2).doubleValue());
  }

  private double inflation(MarketReading reading) {
    double longRun = history.inflation().arithmeticMean();
    if (reading.series() == null) {
      inputs.add(MarketInput.embedded(CPI, data, reading.unavailable()));
      return longRun;
    }
    Series cpi = reading.series();
    LocalDate yearBefore = cpi.latest().date().minusYears(1);
    Optional<Observation> base =
        cpi.points().stream().filter(p -> p.date().equals(yearBefore)).findFirst();
    if (base.isEmpty()) {
      inputs.add(
          MarketInput.embedded(
              CPI,
              data,
              "the consumer price index from "
                  + cpi.source()
                  + " has no reading for "
                  + yearBefore
                  + ", 12 months before its latest"));
      return longRun;
    }
    BigDecimal change =
        cpi.latest()
            .value()
            .divide(base.get().value(), MathContext.DECIMAL64)
            .subtract(BigDecimal.ONE)
            .movePointRight(2)
            .setScale(PERCENT_SCALE, RoundingMode.HALF_EVEN);
    inputs.add(MarketInput.read(CPI, change, cpi));
    double recent = change.movePointLeft(2).doubleValue();
    return RECENT_INFLATION_WEIGHT * recent + (1 - RECENT_INFLATION_WEIGHT) * longRun;
  }
}
