package dev.finpilot.monitoring;

import dev.finpilot.market.Observation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builders for market series in monitoring tests. */
final class Markets {

  static final Instant NOW = Instant.parse("2025-04-08T20:05:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final LocalDate START = LocalDate.parse("2024-01-02");

  private Markets() {}

  /** Closes on consecutive days from {@link #START}. */
  static MarketSeries daily(String name, String... values) {
    List<Observation> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      points.add(new Observation(START.plusDays(i), new BigDecimal(values[i])));
    }
    return new MarketSeries(name, points);
  }

  /**
   * Daily closes whose log returns alternate in sign with magnitude {@code calm} for {@code
   * calmDays} returns, then {@code recent} for {@code recentDays} returns. With the zero-mean
   * convention the realised daily volatility of each stretch is exactly its magnitude.
   */
  static MarketSeries alternating(
      String name, double calm, int calmDays, double recent, int recentDays) {
    List<Observation> points = new ArrayList<>();
    double logLevel = Math.log(4000);
    points.add(new Observation(START, level(logLevel)));
    for (int i = 1; i <= calmDays + recentDays; i++) {
      double size = i <= calmDays ? calm : recent;
      logLevel += (i % 2 == 0 ? -size : size);
      points.add(new Observation(START.plusDays(i), level(logLevel)));
    }
    return new MarketSeries(name, points);
  }

  /** A daily magnitude that annualises (x sqrt 252) to {@code annual}. */
  static double dailyFor(double annual) {
    return annual / Math.sqrt(252);
  }

  private static BigDecimal level(double logLevel) {
    return new BigDecimal(Math.exp(logLevel)).round(new MathContext(17));
  }
}
