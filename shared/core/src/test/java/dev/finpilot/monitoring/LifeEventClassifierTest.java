package dev.finpilot.monitoring;

import static dev.finpilot.monitoring.LifeEventType.DIVORCE;
import static dev.finpilot.monitoring.LifeEventType.INHERITANCE;
import static dev.finpilot.monitoring.LifeEventType.JOB_LOSS;
import static dev.finpilot.monitoring.LifeEventType.MEDICAL_EMERGENCY;
import static dev.finpilot.monitoring.LifeEventType.NEW_DEPENDENT;
import static dev.finpilot.monitoring.LifeEventType.RETIREMENT;
import static dev.finpilot.monitoring.LifeEventType.WINDFALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.MonthlyExpenses;
import dev.finpilot.domain.RiskTolerance;
import dev.finpilot.domain.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifeEventClassifierTest {

  static final Instant REPORTED = Instant.parse("2025-04-08T09:00:00Z");
  private final LifeEventClassifier classifier = new LifeEventClassifier();

  /** A household earning 120,000 a year with essential expenses of 3,000 a month. */
  static FinancialState household(String emergencyFund) {
    return household(emergencyFund, "3000");
  }

  static FinancialState household(String emergencyFund, String essential) {
    return new FinancialState(
        40,
        FilingStatus.MARRIED_FILING_JOINTLY,
        Money.usd(120_000),
        new MonthlyExpenses(Money.usd(essential), Money.usd(1_000), Money.usd(0)),
        List.of(
            new Account("cash", AccountType.CASH, Money.usd(emergencyFund)),
            new Account("k", AccountType.EMPLOYER_401K, Money.usd(80_000))),
        null,
        List.of(),
        1,
        RiskTolerance.MODERATE,
        65,
        null);
  }

  private LifeEventAssessment assess(LifeEvent event, String fund) {
    return classifier.classify(event, household(fund));
  }

  private LifeEventAssessment assess(LifeEventType type, String fund) {
    return assess(LifeEvent.of("e1", type, REPORTED), fund);
  }

  @Test
  void jobLossIsCriticalWhenTheFundCoversLessThanThreeMonths() {
    LifeEventAssessment thin = assess(JOB_LOSS, "8999.99");
    assertThat(thin.priority()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(thin.actWithin()).isEqualTo(Duration.ofDays(1));
    assertThat(thin.actBy()).isEqualTo(REPORTED.plus(Duration.ofDays(1)));
    assertThat(thin.reason())
        .isEqualTo(
            "job loss with an emergency fund of 2.99 months of essential expenses, below 3:"
                + " pause contributions and protect cash now");

    LifeEventAssessment exactlyThree = assess(JOB_LOSS, "9000.00");
    assertThat(exactlyThree.priority()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(exactlyThree.actWithin()).isEqualTo(Duration.ofDays(3));
    assertThat(exactlyThree.evidence())
        .contains(new TriggerEvidence("emergencyFundMonths", "3.00"));
  }

  @Test
  void upstreamJobLossFixtureWithAHealthyFundIsHigh() {
    assertThat(assess(JOB_LOSS, "18000").priority()).isEqualTo(TriggerSeverity.HIGH);
  }

  @Test
  void withoutEssentialExpensesTheFundNeverRunsOut() {
    LifeEventAssessment a =
        classifier.classify(LifeEvent.of("e", JOB_LOSS, REPORTED), household("0", "0"));
    assertThat(a.priority()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(a.evidence()).contains(new TriggerEvidence("emergencyFundMonths", "unlimited"));
  }

  @Test
  void aMedicalEmergencyIsCriticalUnlessTheFundCanPayTheKnownCost() {
    assertThat(assess(MEDICAL_EMERGENCY, "9000").priority()).isEqualTo(TriggerSeverity.CRITICAL);

    LifeEvent costly = LifeEvent.withAmount("m", MEDICAL_EMERGENCY, REPORTED, Money.usd("9000.01"));
    assertThat(assess(costly, "9000").priority()).isEqualTo(TriggerSeverity.CRITICAL);

    LifeEvent affordable = LifeEvent.withAmount("m", MEDICAL_EMERGENCY, REPORTED, Money.usd(9000));
    LifeEventAssessment a = assess(affordable, "9000");
    assertThat(a.priority()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(a.evidence()).contains(new TriggerEvidence("outOfPocketCost", "USD 9000.00"));
  }

  @Test
  void upstreamMedicalFixtureIsCriticalWithASmallFund() {
    // The prototype's medical scenario: cost 50,000, 80% insured, so 10,000 out of pocket.
    LifeEvent event = LifeEvent.withAmount("m", MEDICAL_EMERGENCY, REPORTED, Money.usd(10_000));
    assertThat(assess(event, "6000").priority()).isEqualTo(TriggerSeverity.CRITICAL);
  }

  @ParameterizedTest(name = "{0}% -> {1}")
  @CsvSource({
    "-100, CRITICAL, 24",
    "-70.01, CRITICAL, 24",
    "-70, HIGH, 72",
    "-25, HIGH, 72",
    "-24.99, MEDIUM, 168",
    "-10, MEDIUM, 168",
    "-9.99, LOW, 720",
    "19.99, LOW, 720",
    "20, MEDIUM, 336"
  })
  void incomeChangesAreBandedByDirectionAndSize(String percent, String priority, long hours) {
    LifeEventAssessment a =
        assess(LifeEvent.incomeChange("i", REPORTED, new BigDecimal(percent)), "20000");
    assertThat(a.priority()).isEqualTo(TriggerSeverity.valueOf(priority));
    assertThat(a.actWithin()).isEqualTo(Duration.ofHours(hours));
  }

  @Test
  void aCutBelowEssentialExpensesSaysSo() {
    LifeEventAssessment a =
        assess(LifeEvent.incomeChange("i", REPORTED, new BigDecimal("-75")), "20000");
    assertThat(a.reason())
        .isEqualTo(
            "income change of -75%: the new monthly income of USD 2500.00 no longer covers"
                + " essential expenses of USD 3000.00");
  }

  @Test
  void aNewDependentIsMediumWithinTwoWeeks() {
    LifeEventAssessment a = assess(NEW_DEPENDENT, "20000");
    assertThat(a.priority()).isEqualTo(TriggerSeverity.MEDIUM);
    assertThat(a.actWithin()).isEqualTo(Duration.ofDays(14));
    assertThat(a.reason()).contains("30-day special-enrollment window");
  }

  @Test
  void lumpSumsOfAtLeastAYearsIncomeAreMedium() {
    LifeEvent big = LifeEvent.withAmount("w", WINDFALL, REPORTED, Money.usd(120_000));
    LifeEvent small = LifeEvent.withAmount("w", WINDFALL, REPORTED, Money.usd("119999.99"));
    assertThat(assess(big, "20000").priority()).isEqualTo(TriggerSeverity.MEDIUM);
    assertThat(assess(small, "20000").priority()).isEqualTo(TriggerSeverity.LOW);
    assertThat(assess(small, "20000").actWithin()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void upstreamInheritanceFixtureIsLow() {
    LifeEvent inheritance = LifeEvent.withAmount("h", INHERITANCE, REPORTED, Money.usd(100_000));
    LifeEventAssessment a = assess(inheritance, "20000");
    assertThat(a.priority()).isEqualTo(TriggerSeverity.LOW);
    assertThat(a.reason()).startsWith("inheritance of USD 100000.00");
  }

  @Test
  void divorceAndRetirementAreHigh() {
    assertThat(assess(DIVORCE, "20000").priority()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(assess(DIVORCE, "20000").actWithin()).isEqualTo(Duration.ofDays(3));
    assertThat(assess(RETIREMENT, "20000").priority()).isEqualTo(TriggerSeverity.HIGH);
    assertThat(assess(RETIREMENT, "20000").actWithin()).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void eventsCarryOnlyTheFieldsTheirTypeUses() {
    assertThat(fields(new LifeEvent("e", LifeEventType.INCOME_CHANGE, REPORTED, null, null)))
        .containsExactly("incomeChangePercent");
    assertThat(fields(LifeEvent.incomeChange("e", REPORTED, BigDecimal.ZERO)))
        .containsExactly("incomeChangePercent");
    assertThat(fields(LifeEvent.incomeChange("e", REPORTED, new BigDecimal("-100.01"))))
        .containsExactly("incomeChangePercent");
    assertThat(fields(new LifeEvent("e", JOB_LOSS, REPORTED, BigDecimal.ONE, Money.usd(1))))
        .containsExactly("incomeChangePercent", "amount");
    assertThat(fields(LifeEvent.of("e", WINDFALL, REPORTED))).containsExactly("amount");
    assertThat(fields(LifeEvent.withAmount("e", INHERITANCE, REPORTED, Money.usd(0))))
        .containsExactly("amount");
    assertThat(fields(LifeEvent.withAmount("e", MEDICAL_EMERGENCY, REPORTED, Money.usd(-1))))
        .containsExactly("amount");
    assertThat(fields(new LifeEvent(" ", null, null, null, null)))
        .containsExactly("id", "reportedAt", "type");
  }

  @Test
  void invalidInputIsRefusedWithPrefixedFieldNames() {
    FinancialState tooYoung =
        new FinancialState(
            12,
            FilingStatus.SINGLE,
            Money.usd(1),
            new MonthlyExpenses(Money.usd(1), Money.usd(0), Money.usd(0)),
            List.of(),
            null,
            List.of(),
            0,
            RiskTolerance.MODERATE,
            65,
            null);
    assertThatThrownBy(() -> classifier.classify(LifeEvent.of("e", WINDFALL, REPORTED), tooYoung))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("event.amount", "state.age"));
    assertThatThrownBy(() -> classifier.classify(null, null))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("event", "state"));
  }

  private static List<String> fields(LifeEvent event) {
    return event.validate().stream().map(FieldError::field).toList();
  }
}
