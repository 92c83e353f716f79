package dev.finpilot.regulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * US federal limits keyed by tax year, loaded from the cited data file shipped with FinPilot.
 * Immutable and thread-safe; load it once and share it.
 */
public final class RegulatoryTable {

  /** Classpath location of the shipped data set (IRS notices and revenue procedures). */
  public static final String DEFAULT_RESOURCE = "/data/us_limits_2025_2026.json";

  private final SortedMap<Integer, TaxYearLimits> years;
  private final AgeRules ageRules;
  private final SecuritiesRules securitiesRules;
  private final Map<String, Citation> citations;

  RegulatoryTable(
      SortedMap<Integer, TaxYearLimits> years,
      AgeRules ageRules,
      SecuritiesRules securitiesRules,
      Map<String, Citation> citations) {
    this.years = Collections.unmodifiableSortedMap(new TreeMap<>(years));
    this.ageRules = ageRules;
    this.securitiesRules = securitiesRules;
    this.citations = Collections.unmodifiableMap(new LinkedHashMap<>(citations));
  }

  /** The shipped table, parsed once per JVM. */
  public static RegulatoryTable usDefault() {
    return DefaultHolder.TABLE;
  }

  public static RegulatoryTable fromResource(String resource) {
    InputStream in = RegulatoryTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new RegulatoryDataException("resource not found on the classpath: " + resource);
    }
    try (in) {
      return fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  public static RegulatoryTable fromJson(InputStream json) {
    // Decimals stay exact: 0.10 must not become 0.1000000000000000055...
    ObjectMapper mapper =
        new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    try {
      return RegulatoryTableParser.parse(mapper.readTree(json));
    } catch (IOException e) {
      throw new RegulatoryDataException("regulatory data is not valid JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The limits of a tax year.
   *
   * @throws UnknownTaxYearException if the table has no limits for that year
   */
  public TaxYearLimits year(int taxYear) {
    TaxYearLimits limits = years.get(taxYear);
    if (limits == null) {
      throw new UnknownTaxYearException(taxYear, supportedYears());
    }
    return limits;
  }

  public boolean supports(int taxYear) {
    return years.containsKey(taxYear);
  }

  public SortedSet<Integer> supportedYears() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
  }

  public AgeRules ageRules() {
    return ageRules;
  }

  public SecuritiesRules securitiesRules() {
    return securitiesRules;
  }

  /** Every source of the data file, by its key. */
  public Map<String, Citation> citations() {
    return citations;
  }

  private static final class DefaultHolder {
    static final RegulatoryTable TABLE = fromResource(DEFAULT_RESOURCE);
  }
}
