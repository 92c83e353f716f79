package dev.finpilot.regulation;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A tax year the table has no limits for. Limits change every year, so guessing from the nearest
 * year would silently apply wrong numbers; callers must pick a supported year instead.
 */
public final class UnknownTaxYearException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int taxYear;
  private final TreeSet<Integer> supportedYears;

  public UnknownTaxYearException(int taxYear, SortedSet<Integer> supportedYears) {
    super("taxYear: " + taxYear + " is not supported; supported tax years are " + supportedYears);
    this.taxYear = taxYear;
    this.supportedYears = new TreeSet<>(supportedYears);
  }

  public int taxYear() {
    return taxYear;
  }

  public SortedSet<Integer> supportedYears() {
    return new TreeSet<>(supportedYears);
  }
}
