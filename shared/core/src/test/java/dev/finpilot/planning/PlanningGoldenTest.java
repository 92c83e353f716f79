package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planning results for fixed households and a fixed seed, compared byte for byte with the JSON
 * recorded in {@code golden/}: any change to the plans, the reasoning trace or their texts shows
 * here. A mismatch writes the new JSON to {@code target/golden-actual/} for a diff.
 */
class PlanningGoldenTest {

  private static final PlanningOptions OPTIONS =
      PlanningOptions.defaults().withPaths(500).withSeed(20_260_115L);

  static Stream<Arguments> cases() {
    return Stream.of(
        golden("typical", () -> PlannerTest.PLANNER.plan(new Households().request(), OPTIONS)),
        golden("family-with-goals", () -> plan(familyWithGoals())),
        golden("debt-payoff-goal", () -> plan(debtPayoffGoal())),
        golden("emergency-fund-goal-conservative", () -> plan(emergencyFundGoal())),
        golden("unreachable-goal", () -> plan(unreachableGoal())),
        golden("no-surplus", () -> plan(noSurplus())),
        golden("replan-round-two", PlanningGoldenTest::replan));
  }

  private static Arguments golden(String name, Supplier<PlanningResult> result) {
    return Arguments.of(name, result);
  }

  private static PlanningResult plan(Households h) {
    return PlannerTest.PLANNER.plan(h.request(), OPTIONS);
  }

  private static Households familyWithGoals() {
    Households h = StrategiesTest.richHousehold(42, 2026).cash(20_000);
    h.status = FilingStatus.MARRIED_FILING_JOINTLY;
    h.dependents = 2;
    h.accounts.removeIf(a -> a.type() == AccountType.EMPLOYER_401K);
    h.accounts.add(new Account("403b", AccountType.EMPLOYER_403B, Money.usd(80_000)));
    h.goal(GoalType.HOME_PURCHASE, 90_000, h.asOf.plusYears(2), 1, "home");
    h.goal(GoalType.EDUCATION, 150_000, h.asOf.plusYears(14), 3, "college");
    h.goal(GoalType.SAVINGS, 20_000, h.asOf.plusYears(6), 4, "");
    return h;
  }

  private static Households debtPayoffGoal() {
    Households h = new Households();
    h.income = Money.usd(120_000);
    h.goals.clear();
    h.goal(GoalType.DEBT_PAYOFF, 27_000, h.asOf.plusYears(3), 1, "debt free");
    h.goal(GoalType.RETIREMENT, 1_200_000, h.asOf.plusYears(28), 2, "retire");
    return h;
  }

  private static Households emergencyFundGoal() {
    Households h = new Households().cash(1_500);
    h.risk = RiskTolerance.CONSERVATIVE;
    h.dependents = 1;
    h.goals.clear();
    h.goal(GoalType.EMERGENCY_FUND, 15_000, h.asOf.plusYears(1), 1, "rainy day");
    h.goal(GoalType.RETIREMENT, 1_500_000, h.asOf.plusYears(30), 2, "retire");
    return h;
  }

  private static Households unreachableGoal() {
    Households h = new Households().noDebts();
    h.age = 55;
    h.income = Money.usd(150_000);
    h.goals.clear();
    h.goal(GoalType.RETIREMENT, 1_500_000, h.asOf.plusYears(10), 1, "retire");
    return h;
  }

  private static Households noSurplus() {
    Households h = new Households();
    h.income = Money.usd(45_000);
    return h;
  }

  private static PlanningResult replan() {
    Households h = new Households().cash(500);
    List<FindingToResolve> findings =
        List.of(
            new FindingToResolve("EMERGENCY_FUND_LOW", "ERROR", "cash covers too few months"),
            new FindingToResolve("RISK_TOLERANCE_MISMATCH", "ERROR", "too much equity"),
            new FindingToResolve(
                "MAX_CONTRIBUTION_EXCEEDED",
                "ERROR",
                "Annual IRA contributions (traditional + Roth) of $7,500.00 exceed the 2026 limit"
                    + " of $5,000.00 for age 35 by December 31"),
            new FindingToResolve("DEBT_TO_INCOME_HIGH", "WARNING", "debt load above 36%"));
    return PlannerTest.PLANNER.replan(h.request(), findings, 2, OPTIONS);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void thePlanningResultIsUnchanged(String name, Supplier<PlanningResult> result)
      throws IOException {
    String actual = JsonMapping.write(result.get());
    String expected = recorded(name);
    if (!actual.equals(expected)) {
      Path out = Path.of("target", "golden-actual", name + ".json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
    }
    int at = firstDifference(actual, expected);
    assertThat(around(actual, at))
        .as("planning result '%s' at character %d (new JSON in target/golden-actual)", name, at)
        .isEqualTo(around(expected, at));
  }

  /** The first index where the two differ, or the shorter length when one starts the other. */
  private static int firstDifference(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return i;
      }
    }
    return n;
  }

  /** The text around a position: enough to see which field differs without the whole result. */
  private static String around(String json, int at) {
    return json.substring(Math.max(0, at - 200), Math.min(json.length(), at + 200));
  }

  private static String recorded(String name) throws IOException {
    try (InputStream in =
        PlanningGoldenTest.class.getResourceAsStream("golden/" + name + ".json")) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
