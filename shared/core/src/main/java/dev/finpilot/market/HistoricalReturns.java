package dev.finpilot.market;

import dev.finpilot.domain.AssetClass;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded annual return history (Damodaran, January 2026 edition, 1928-2025), loaded once and
 * immutable. Series are exposed as primitive arrays indexed by {@code year - firstYear()} because
 * the projection engine reads them in its inner loops; every accessor hands out a fresh copy so no
 * caller can change the shared data.
 */
public final class HistoricalReturns {

  /** The pinned data edition: earlier editions revised the T-bill, Baa and small-cap series. */
  public static final String EDITION = "damodaran-2026-01";

  private static final String RESOURCE = "/data/annual_returns.csv";
  private static final String YEAR_COLUMN = "year";
  private static final String CPI_COLUMN = "cpi";

  private final String edition;
  private final int firstYear;
  private final Map<AssetClass, double[]> returns;
  private final double[] inflation;

  private HistoricalReturns(
      String edition, int firstYear, Map<AssetClass, double[]> returns, double[] inflation) {
    this.edition = edition;
    this.firstYear = firstYear;
    this.returns = returns;
    this.inflation = inflation;
  }

  /** The data set shipped in the jar; parsed on first use and shared afterwards. */
  public static HistoricalReturns embedded() {
    return Embedded.INSTANCE;
  }

  private static final class Embedded {
    static final HistoricalReturns INSTANCE = load();

    private static HistoricalReturns load() {
      try (InputStream in = HistoricalReturns.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return parse(reader.lines().toList(), EDITION);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
    }
  }

  /**
   * Parses CSV lines (header first). Years must be consecutive and every asset-class column and
   * {@code cpi} present, so a damaged file fails loudly at start-up rather than skewing results.
   */
  static HistoricalReturns parse(List<String> lines, String edition) {
    if (lines.isEmpty()) {
      throw new IllegalStateException("historical returns: empty file");
    }
    List<String> header = Arrays.asList(lines.get(0).trim().split(","));
    int yearIndex = columnIndex(header, YEAR_COLUMN);
    int cpiIndex = columnIndex(header, CPI_COLUMN);
    Map<AssetClass, Integer> assetIndex = new EnumMap<>(AssetClass.class);
    for (AssetClass a : AssetClass.values()) {
      assetIndex.put(a, columnIndex(header, a.dataColumn()));
    }
    List<String[]> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.isEmpty()) {
        String[] cells = line.split(",");
        if (cells.length != header.size()) {
          throw new IllegalStateException(
              "historical returns line " + (i + 1) + ": expected " + header.size() + " cells");
        }
        rows.add(cells);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalStateException("historical returns: no data rows");
    }
    int first = Integer.parseInt(rows.get(0)[yearIndex].trim());
    int n = rows.size();
    double[] cpi = new double[n];
    Map<AssetClass, double[]> series = new EnumMap<>(AssetClass.class);
    for (AssetClass a : AssetClass.values()) {
      series.put(a, new double[n]);
    }
    for (int r = 0; r < n; r++) {
      String[] cells = rows.get(r);
      int year = Integer.parseInt(cells[yearIndex].trim());
      if (year != first + r) {
        throw new IllegalStateException(
            "historical returns: expected year " + (first + r) + " but found " + year);
      }
      cpi[r] = value(cells, cpiIndex, year, CPI_COLUMN);
      for (Map.Entry<AssetClass, Integer> e : assetIndex.entrySet()) {
        series.get(e.getKey())[r] = value(cells, e.getValue(), year, e.getKey().dataColumn());
      }
    }
    return new HistoricalReturns(edition, first, series, cpi);
  }

  private static int columnIndex(List<String> header, String column) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new IllegalStateException("historical returns: missing column " + column);
    }
    return index;
  }

  private static double value(String[] cells, int index, int year, String column) {
    double v;
    try {
      v = Double.parseDouble(cells[index].trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(
          "historical returns " + year + " " + column + ": not a number: " + cells[index], e);
    }
    // A return of -100% or worse would make the growth factor non-positive.
    if (!Double.isFinite(v) || v <= -1.0) {
      throw new IllegalStateException(
          "historical returns " + year + " " + column + ": out of range: " + cells[index]);
    }
    return v;
  }

  public String edition() {
    return edition;
  }

  public int firstYear() {
    return firstYear;
  }

  public int lastYear() {
    return firstYear + inflation.length - 1;
  }

  public int yearCount() {
    return inflation.length;
  }

  public boolean covers(int year) {
    return year >= firstYear && year <= lastYear();
  }

  /** Annual returns of one asset class (decimal fractions), index 0 = {@link #firstYear()}. */
  public double[] returns(AssetClass assetClass) {
    return returns.get(assetClass).clone();
  }

  /** Annual CPI inflation (decimal fractions), index 0 = {@link #firstYear()}. */
  public double[] inflation() {
    return inflation.clone();
  }

  public double returnOf(AssetClass assetClass, int year) {
    return returns.get(assetClass)[indexOf(year)];
  }

  public double inflationOf(int year) {
    return inflation[indexOf(year)];
  }

  private int indexOf(int year) {
    if (!covers(year)) {
      throw new IllegalArgumentException(
          "year " + year + " is outside the data, " + firstYear + "-" + lastYear());
    }
    return year - firstYear;
  }
}
