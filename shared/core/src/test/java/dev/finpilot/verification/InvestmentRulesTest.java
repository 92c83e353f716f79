package dev.finpilot.verification;

import static dev.finpilot.verification.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.DebtKind;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.GlidePath;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Risk tolerance, leverage, short horizons, success probability and securities rules. */
class InvestmentRulesTest {

  @Nested
  class RiskToleranceMismatch {
    private final RiskToleranceRule rule = new RiskToleranceRule();

    @ParameterizedTest(name = "{0} at {1} equity -> {2}")
    @CsvSource({
      "MODERATE, 0.70, NONE",
      "MODERATE, 0.7001, WARNING",
      "MODERATE, 0.80, WARNING",
      "MODERATE, 0.81, ERROR",
      "CONSERVATIVE, 0.40, NONE",
      "CONSERVATIVE, 0.41, WARNING",
      "CONSERVATIVE, 0.60, ERROR",
      "AGGRESSIVE, 1.00, NONE"
    })
    void equityExposureAgainstTheToleranceCap(
        RiskTolerance tolerance, String share, String expected) {
      Scenario s = new Scenario().equity(share);
      s.risk = tolerance;
      List<Finding> findings = s.run(rule).findings();
      if (expected.equals("NONE")) {
        assertThat(findings).isEmpty();
      } else {
        assertThat(findings)
            .singleElement()
            .extracting(Finding::severity)
            .isEqualTo(Severity.valueOf(expected));
      }
    }

    @Test
    void laterGlidePathPointsCountEarlierOnesDoNot() {
      Scenario s = new Scenario();
      s.glidePath =
          new GlidePath(
              List.of(
                  new GlidePath.Point(30, Allocation.of("0.95", "0.05", "0")),
                  new GlidePath.Point(40, Allocation.of("0.60", "0.40", "0")),
                  new GlidePath.Point(55, Allocation.of("0.75", "0.25", "0"))));
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.evidence().actual()).isEqualByComparingTo("0.75");
      assertThat(f.evidence().limit()).isEqualByComparingTo("0.70");
    }

    @ParameterizedTest(name = "{0} with leverage {1} -> {2}")
    @CsvSource({
      "CONSERVATIVE, 1.0, NONE",
      "CONSERVATIVE, 1.01, CRITICAL",
      "MODERATE, 1.5, ERROR",
      "AGGRESSIVE, 1.5, NONE"
    })
    void leverageIsForAggressiveInvestorsOnly(
        RiskTolerance tolerance, String leverage, String expected) {
      Scenario s = new Scenario().equity("0.30");
      s.risk = tolerance;
      s.leverage = new BigDecimal(leverage);
      List<Finding> findings =
          s.run(rule).findings().stream()
              .filter(f -> f.evidence().measure().equals("leverage"))
              .toList();
      if (expected.equals("NONE")) {
        assertThat(findings).isEmpty();
      } else {
        assertThat(findings)
            .singleElement()
            .satisfies(
                f -> {
                  assertThat(f.severity()).isEqualTo(Severity.valueOf(expected));
                  assertThat(f.accounts()).containsExactly(AccountType.TAXABLE_BROKERAGE);
                  assertThat(f.message())
                      .contains("not suitable for a " + tolerance.name().toLowerCase(Locale.ROOT));
                });
      }
    }

    @Test
    void leverageMultipliesEquityExposure() {
      Scenario s = new Scenario().equity("0.50");
      s.leverage = new BigDecimal("1.5");
      Finding exposure = s.run(rule).findings().get(0);
      assertThat(exposure.evidence().actual()).isEqualByComparingTo("0.75");
      assertThat(exposure.message()).contains("75.0% (with 1.5x leverage) exceeds the 70.0% cap");
    }
  }

  @Nested
  class MarginLimit {
    private final MarginLimitRule rule = new MarginLimitRule();

    @ParameterizedTest(name = "leverage {0} -> trips {1}")
    @CsvSource({"1, false", "2.00, false", "2.01, true"})
    void regulationTInitialMargin(String leverage, boolean trips) {
      Scenario s = new Scenario();
      s.risk = RiskTolerance.AGGRESSIVE;
      s.leverage = new BigDecimal(leverage);
      List<Finding> findings = s.run(rule).findings();
      assertThat(findings).hasSize(trips ? 1 : 0);
      if (trips) {
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings.get(0).source().key()).isEqualTo("reg_t");
        assertThat(findings.get(0).message())
            .contains("exceeds the 2x that a 50.0% initial margin");
      }
    }
  }

  @Nested
  class ShortHorizonEquity {
    private final ShortHorizonEquityRule rule = new ShortHorizonEquityRule();

    @ParameterizedTest(name = "{0} months at {1} equity -> flagged {2}")
    @CsvSource({
      "36, 0.60, true",
      "37, 0.60, false",
      "12, 0.50, false",
      "12, 0.51, true",
      "1, 0.90, true"
    })
    void goalsWithinThreeYearsMustNotRideOnEquities(int months, String equity, boolean flagged) {
      Scenario s = new Scenario().equity(equity);
      s.risk = RiskTolerance.AGGRESSIVE;
      s.goal(GoalType.HOME_PURCHASE, 50_000, s.asOf.plusMonths(months));
      List<Finding> findings = s.run(rule).findings();
      assertThat(findings).hasSize(flagged ? 1 : 0);
      if (flagged) {
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.evidence().limit()).isEqualByComparingTo("0.50");
        assertThat(f.message())
            .contains("Goal 'HOME_PURCHASE' ($50,000.00 due")
            .contains("in " + months + " months) is not covered by cash ($6,000.00 spare by then)");
        assertThat(f.accounts()).containsExactly(AccountType.CASH);
      }
    }

    @Test
    void aGoalCashCanPayForIsNotRidingOnEquities() {
      // Cash 15,000 less the 9,000 emergency fund leaves 6,000 spare.
      Scenario spare = new Scenario().equity("0.70");
      spare.goal(GoalType.HOME_PURCHASE, 6_000, spare.asOf.plusMonths(12));
      assertThat(spare.run(rule).findings()).isEmpty();
      Scenario saving = new Scenario().equity("0.70").contribute(AccountType.CASH, usd(1_000));
      saving.goal(GoalType.HOME_PURCHASE, 30_000, saving.asOf.plusMonths(24));
      assertThat(saving.run(rule).findings()).isEmpty();
      saving.goal(GoalType.EDUCATION, 10_000, saving.asOf.plusMonths(30));
      Finding second = saving.run(rule).findings().get(0);
      assertThat(second.message())
          .contains("Goal 'EDUCATION'")
          .contains("($6,000.00 spare by then)");
      assertThat(second.remediation()).contains("at least $133.34 more a month");
    }

    @Test
    void retirementIsExemptAndDescriptionsNameTheGoal() {
      Scenario s = new Scenario().equity("0.90");
      s.risk = RiskTolerance.AGGRESSIVE;
      s.goal(GoalType.RETIREMENT, 900_000, s.asOf.plusMonths(24));
      assertThat(s.run(rule).findings()).isEmpty();
      s.goals.add(
          new Goal(
              GoalType.EDUCATION, usd(40_000), null, s.asOf.plusMonths(30), 3, "college for Maya"));
      assertThat(s.run(rule).findings())
          .singleElement()
          .satisfies(f -> assertThat(f.message()).contains("Goal 'college for Maya'"));
    }
  }

  @Nested
  class SuccessProbability {
    private final SuccessProbabilityRule rule = new SuccessProbabilityRule();

    @ParameterizedTest(name = "p={0} -> {1}")
    @CsvSource({
      "0.95, NONE",
      "0.85, NONE",
      "0.8499, WARNING",
      "0.70, WARNING",
      "0.6999, ERROR",
      "0.0, ERROR"
    })
    void thresholds(double p, String expected) {
      Scenario s = new Scenario();
      s.successProbability = p;
      List<Finding> findings = s.run(rule).findings();
      if (expected.equals("NONE")) {
        assertThat(findings).isEmpty();
      } else {
        assertThat(findings)
            .singleElement()
            .extracting(Finding::severity)
            .isEqualTo(Severity.valueOf(expected));
      }
    }

    @Test
    void thresholdIsConfigurable() {
      Scenario s = new Scenario();
      s.successProbability = 0.85;
      s.policy = VerificationPolicy.defaults().withMinSuccessProbability(0.90);
      Finding f = s.run(rule).findings().get(0);
      assertThat(f.severity()).isEqualTo(Severity.ERROR);
      assertThat(f.evidence().limit()).isEqualByComparingTo("0.9");
      assertThat(f.message()).contains("85.0%, below the minimum of 90.0%");
      assertThat(f.source()).isEqualTo(Guidelines.SUCCESS_PROBABILITY);
    }

    @Test
    void nearAThresholdTheVerdictIsLessCertain() {
      Scenario s = new Scenario();
      s.successProbability = 0.705;
      assertThat(s.run(rule).confidence()).isEqualTo(SuccessProbabilityRule.NEAR_CONFIDENCE);
      s.successProbability = 0.845;
      assertThat(s.run(rule).confidence()).isEqualTo(SuccessProbabilityRule.NEAR_CONFIDENCE);
      s.successProbability = 0.95;
      assertThat(s.run(rule).confidence()).isEqualTo(1.0);
    }
  }

  @Nested
  class PatternDayTrader {
    private final PatternDayTraderRule rule = new PatternDayTraderRule();

    @ParameterizedTest(name = "{0} trades with {1} equity -> trips {2}")
    @CsvSource({"3, 1000, false", "4, 24999.99, true", "4, 25000.00, false", "20, 0, true"})
    void finraRule4210(int trades, String equity, boolean trips) {
      Scenario s = new Scenario().balance(AccountType.TAXABLE_BROKERAGE, Money.usd(equity));
      s.dayTradesPerWeek = trades;
      List<Finding> findings = s.run(rule).findings();
      assertThat(findings).hasSize(trips ? 1 : 0);
      if (trips) {
        Finding f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.evidence().limit()).isEqualByComparingTo("25000");
        assertThat(f.source().key()).isEqualTo("finra_4210");
        assertThat(f.remediation()).contains("at most 3 day trades per 5 business days");
      }
    }
  }

  @Nested
  class AccreditedInvestor {
    private final AccreditedInvestorRule rule = new AccreditedInvestorRule();

    private Scenario buying(FilingStatus status, String income) {
      Scenario s = new Scenario();
      s.status = status;
      s.income = Money.usd(income);
      s.privatePlacements = usd(250_000);
      return s;
    }

    @ParameterizedTest(name = "{0} income {1} -> trips {2}")
    @CsvSource({
      "SINGLE, 200000.00, true",
      "SINGLE, 200000.01, false",
      "HEAD_OF_HOUSEHOLD, 200000.01, false",
      "MARRIED_FILING_JOINTLY, 300000.00, true",
      "MARRIED_FILING_JOINTLY, 300000.01, false"
    })
    void incomeTest(FilingStatus status, String income, boolean trips) {
      List<Finding> findings = buying(status, income).run(rule).findings();
      assertThat(findings).hasSize(trips ? 1 : 0);
      if (trips) {
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(findings.get(0).source().key()).isEqualTo("sec_reg_d_501");
      }
    }

    @Test
    void netWorthTestExcludesTheResidenceAndItsMortgage() {
      // Scenario accounts hold 115,000.
      Scenario exactly =
          buying(FilingStatus.SINGLE, "90000").balance(AccountType.TAXABLE_BROKERAGE, usd(905_000));
      assertThat(exactly.run(rule).findings())
          .singleElement()
          .satisfies(f -> assertThat(f.evidence().actual()).isEqualByComparingTo("1000000"));
      Scenario above =
          buying(FilingStatus.SINGLE, "90000")
              .balance(AccountType.TAXABLE_BROKERAGE, Money.usd("905000.01"));
      assertThat(above.run(rule).findings()).isEmpty();
      above.debt("mortgage", DebtKind.MORTGAGE, 500_000, 2_000);
      assertThat(above.run(rule).findings()).isEmpty();
      above.debt("boat", DebtKind.PERSONAL_LOAN, 50_000, 500);
      assertThat(above.run(rule).findings()).hasSize(1);
    }

    @Test
    void noPrivatePlacementsNothingToCheck() {
      Scenario s = new Scenario();
      s.income = usd(10_000);
      assertThat(s.run(rule).findings()).isEmpty();
    }
  }
}
