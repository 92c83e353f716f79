package dev.finpilot.benchmarks;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.DebtPayment;
import dev.finpilot.domain.DebtPayoffMethod;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.domain.Withdrawal;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of one plan with every standard rule. Budget: under 5 ms per plan on one core.
 * {@code sound} is a typical household plan that passes; {@code dangerous} trips most rules, so it
 * also pays for building every finding's message.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class VerificationBenchmark {

  private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

  private Verifier verifier;
  private PlanningRequest soundRequest;
  private Plan soundPlan;
  private PlanningRequest dangerousRequest;
  private Plan dangerousPlan;

  @Setup
  public void setUp() {
    verifier = Verifier.standard();
    soundRequest = request(40, Money.usd(150_000), Money.usd(18_000), RiskTolerance.MODERATE, 300);
    soundPlan =
        plan(
            List.of(
                new Contribution(AccountType.EMPLOYER_401K, Money.usd(500)),
                new Contribution(AccountType.ROTH_IRA, Money.usd("583.33")),
                new Contribution(AccountType.HSA, Money.usd(350)),
                new Contribution(AccountType.CASH, Money.usd(2_100))),
            Money.usd(15_000),
            GlidePath.constant(18, Allocation.of("0.65", "0.30", "0.05")),
            List.of(),
            BigDecimal.ONE,
            0,
            0.88);
    dangerousRequest =
        request(45, Money.usd(120_000), Money.usd(2_000), RiskTolerance.CONSERVATIVE, 2_000);
    dangerousPlan =
        plan(
            List.of(
                new Contribution(AccountType.TRADITIONAL_IRA, Money.usd(8_334)),
                new Contribution(AccountType.HSA, Money.usd(900)),
                new Contribution(AccountType.TAXABLE_BROKERAGE, Money.usd(1_000))),
            Money.usd(2_000),
            GlidePath.constant(18, Allocation.of("0.90", "0.10", "0")),
            List.of(
                new Withdrawal(AccountType.EMPLOYER_401K, Money.usd(20_000), 45, null),
                new Withdrawal(
                    AccountType.TRADITIONAL_IRA,
                    Money.usd(15_000),
                    46,
                    Withdrawal.PenaltyException.FIRST_HOME_PURCHASE)),
            new BigDecimal("2.5"),
            6,
            0.55);
    // Fail fast if the fixtures stop being what their names say.
    if (!verifier.verify(soundPlan, soundRequest).violations().isEmpty()
        || verifier.verify(dangerousPlan, dangerousRequest).violations().size() < 8) {
      throw new IllegalStateException("benchmark fixtures no longer sound / dangerous");
    }
  }

  @Benchmark
  public VerificationReport sound() {
    return verifier.verify(soundPlan, soundRequest);
  }

  @Benchmark
  public VerificationReport dangerous() {
    return verifier.verify(dangerousPlan, dangerousRequest);
  }

  private static PlanningRequest request(
      int age, Money income, Money cash, RiskTolerance risk, long debtMinimum) {
    FinancialState state =
        new FinancialState(
            age,
            FilingStatus.SINGLE,
            income,
            new MonthlyExpenses(Money.usd(4_000), Money.usd(1_200), Money.usd(1_800)),
            List.of(
                new Account("checking", AccountType.CASH, cash),
                new Account("brokerage", AccountType.TAXABLE_BROKERAGE, Money.usd(20_000)),
                new Account("401k", AccountType.EMPLOYER_401K, Money.usd(120_000)),
                new Account("roth", AccountType.ROTH_IRA, Money.usd(30_000))),
            new EmployerMatch(new BigDecimal("0.5"), new BigDecimal("0.06")),
            List.of(
                new Debt(
                    "car",
                    DebtKind.AUTO_LOAN,
                    Money.usd(18_000),
                    new BigDecimal("0.069"),
                    Money.usd(debtMinimum)),
                new Debt(
                    "mortgage",
                    DebtKind.MORTGAGE,
                    Money.usd(250_000),
                    new BigDecimal("0.065"),
                    Money.usd(1_800))),
            1,
            risk,
            65,
            HsaCoverage.SELF_ONLY);
    List<Goal> goals =
        List.of(
            new Goal(
                GoalType.RETIREMENT,
                Money.usd(1_800_000),
                ValueBasis.TODAYS_DOLLARS,
                AS_OF.plusYears(65 - age),
                1,
                "retire at 65"),
            new Goal(
                GoalType.HOME_PURCHASE,
                Money.usd(60_000),
                ValueBasis.NOMINAL,
                AS_OF.plusMonths(30),
                2,
                "house deposit"));
    return new PlanningRequest(state, goals, 2025, AS_OF);
  }

  private static Plan plan(
      List<Contribution> contributions,
      Money emergencyFundTarget,
      GlidePath glidePath,
      List<Withdrawal> withdrawals,
      BigDecimal leverage,
      int dayTrades,
      double successProbability) {
    return new Plan(
        "benchmark",
        contributions,
        List.of(new DebtPayment("car", Money.usd(300), 1)),
        DebtPayoffMethod.AVALANCHE,
        emergencyFundTarget,
        glidePath,
        withdrawals,
        List.of(),
        leverage,
        dayTrades,
        Money.usd(50_000).times(dayTrades > 0 ? 1 : 0),
        successProbability);
  }
}
