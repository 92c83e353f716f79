package dev.finpilot.projection;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValueBasis;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything one projection needs. Amounts are dollars as doubles: the engine simulates in doubles,
 * ledgers never do.
 *
 * @param startingBalance portfolio value today
 * @param glidePath target allocation by age; the portfolio is rebalanced to it at the start of
 *     every plan year
 * @param startAge the investor's age today; plan year {@code y} (0-based) starts at {@code startAge
 *     + y}
 * @param years horizon in years
 * @param frequency annual or monthly steps
 * @param cashFlows contributions and withdrawals by age
 * @param targetAmount wealth needed at the horizon for success; 0 means success is simply never
 *     running out
 * @param targetBasis whether the target is in today's dollars or nominal
 * @param reportBasis the basis of every amount in the result
 * @param generator where returns come from
 * @param paths Monte Carlo paths (the rolling backtest runs one per start year instead)
 * @param seed seed of the random stream; same request and seed give identical results
 */
public record ProjectionRequest(
    double startingBalance,
    GlidePath glidePath,
    int startAge,
    int years,
    StepFrequency frequency,
    List<CashFlow> cashFlows,
    double targetAmount,
    ValueBasis targetBasis,
    ValueBasis reportBasis,
    ReturnGenerator generator,
    int paths,
    long seed) {

  public static final int DEFAULT_PATHS = 10_000;
  public static final int MAX_PATHS = 100_000;
  public static final int MAX_YEARS = 100;
  public static final int MAX_AGE = 120;

  public ProjectionRequest {
    cashFlows =
        cashFlows == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(cashFlows));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values, for variations such as a higher contribution. */
  public Builder toBuilder() {
    return ProjectionInputs.of(this).toRequest(generator);
  }

  /** True when every amount is in today's dollars, so the engine can simulate real returns. */
  boolean allInTodaysDollars() {
    return targetBasis == ValueBasis.TODAYS_DOLLARS
        && reportBasis == ValueBasis.TODAYS_DOLLARS
        && cashFlows.stream().allMatch(c -> c.basis() == ValueBasis.TODAYS_DOLLARS);
  }

  /** Field errors of the request itself; the generator adds its own. */
  public List<FieldError> validate() {
    Validation v = new Validation();
    v.require(
        Double.isFinite(startingBalance)
            && startingBalance >= 0
            && startingBalance <= CashFlow.MAX_AMOUNT,
        "startingBalance",
        "must be between 0 and " + CashFlow.MAX_AMOUNT + ", was " + startingBalance);
    v.notNull(glidePath, "glidePath");
    v.between(startAge, 0, MAX_AGE, "startAge");
    v.between(years, 1, MAX_YEARS, "years");
    v.notNull(frequency, "frequency");
    for (int i = 0; i < cashFlows.size(); i++) {
      String path = "cashFlows[" + i + "]";
      if (v.notNull(cashFlows.get(i), path)) {
        v.addAll(cashFlows.get(i).validate(path));
      }
    }
    v.require(
        Double.isFinite(targetAmount) && targetAmount >= 0 && targetAmount <= CashFlow.MAX_AMOUNT,
        "targetAmount",
        "must be between 0 and " + CashFlow.MAX_AMOUNT + ", was " + targetAmount);
    v.notNull(targetBasis, "targetBasis");
    v.notNull(reportBasis, "reportBasis");
    v.notNull(generator, "generator");
    v.between(paths, 1, MAX_PATHS, "paths");
    return v.errors();
  }

  /**
   * Builds requests with the documented defaults: annual steps, 10,000 paths, no target, amounts in
   * today's dollars, historical bootstrap. There is no default seed: every projection names its
   * own.
   */
  public static final class Builder {
    private double startingBalance;
    private GlidePath glidePath;
    private Allocation allocation;
    private int startAge;
    private int years;
    private StepFrequency frequency = StepFrequency.ANNUAL;
    private final List<CashFlow> cashFlows = new ArrayList<>();
    private double targetAmount;
    private ValueBasis targetBasis = ValueBasis.TODAYS_DOLLARS;
    private ValueBasis reportBasis = ValueBasis.TODAYS_DOLLARS;
    private ReturnGenerator generator;
    private int paths = DEFAULT_PATHS;
    private Long seed;

    private Builder() {}

    public Builder startingBalance(double dollars) {
      this.startingBalance = dollars;
      return this;
    }

    public Builder glidePath(GlidePath path) {
      this.glidePath = path;
      this.allocation = null;
      return this;
    }

    /** One allocation held for the whole horizon. */
    public Builder allocation(Allocation fixed) {
      this.allocation = fixed;
      this.glidePath = null;
      return this;
    }

    public Builder startAge(int age) {
      this.startAge = age;
      return this;
    }

    public Builder years(int horizon) {
      this.years = horizon;
      return this;
    }

    public Builder frequency(StepFrequency steps) {
      this.frequency = steps;
      return this;
    }

    public Builder cashFlows(List<CashFlow> flows) {
      this.cashFlows.clear();
      this.cashFlows.addAll(flows);
      return this;
    }

    public Builder cashFlow(CashFlow flow) {
      this.cashFlows.add(flow);
      return this;
    }

    public Builder target(double amount, ValueBasis basis) {
      this.targetAmount = amount;
      this.targetBasis = basis;
      return this;
    }

    public Builder reportIn(ValueBasis basis) {
      this.reportBasis = basis;
      return this;
    }

    public Builder generator(ReturnGenerator returns) {
      this.generator = returns;
      return this;
    }

    public Builder paths(int count) {
      this.paths = count;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /**
     * @throws dev.finpilot.domain.ValidationException if no seed was given
     */
    public ProjectionRequest build() {
      Validation v = new Validation();
      v.require(seed != null, "seed", "is required: every projection names its seed");
      v.throwIfInvalid();
      GlidePath path = allocation != null ? GlidePath.constant(startAge, allocation) : glidePath;
      ReturnGenerator returns = generator != null ? generator : BootstrapGenerator.embedded();
      return new ProjectionRequest(
          startingBalance,
          path,
          startAge,
          years,
          frequency,
          cashFlows,
          targetAmount,
          targetBasis,
          reportBasis,
          returns,
          paths,
          seed);
    }
  }
}
