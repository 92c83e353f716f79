package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import dev.finpilot.aws.EmfMarketDataMetricsTest.Document;
import dev.finpilot.aws.EmfMarketDataMetricsTest.Documents;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.regulation.Citation;
import dev.finpilot.verification.Evidence;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.Severity;
import dev.finpilot.verification.VerificationReport;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

class EmfPlanMetricsTest {

  final Documents documents = new Documents();
  final EmfPlanMetrics metrics = new EmfPlanMetrics(documents);

  @Test
  void aStepIsOneDocumentOfItsMillisecondsByStep() {
    metrics.stepFinished(PlanStatus.PLANNING, Duration.ofMillis(1_250));

    assertThat(documents.flushed)
        .containsExactly(new Document(Map.of("step", "PLANNING"), Map.of("StepDuration", 1250.0)));
    assertThat(documents.units).containsEntry("StepDuration", MetricUnit.MILLISECONDS);
  }

  @Test
  void settledPlansAreCountedByStatusAndReplansWithoutDimensions() {
    metrics.planSettled(PlanStatus.ACTIVE);
    metrics.planSettled(PlanStatus.FAILED);
    metrics.replanned();

    assertThat(documents.flushed)
        .containsExactly(
            new Document(Map.of("status", "ACTIVE"), Map.of("PlansSettled", 1.0)),
            new Document(Map.of("status", "FAILED"), Map.of("PlansSettled", 1.0)),
            new Document(Map.of(), Map.of("Replans", 1.0)));
    assertThat(documents.units.values()).containsOnly(MetricUnit.COUNT);
  }

  @Test
  void aReportsFindingsAreCountedOneDocumentPerCode() {
    metrics.reportStored(
        new VerificationReport(
            2026,
            Outcome.REJECTED,
            List.of(
                finding(RuleCode.MAX_CONTRIBUTION_EXCEEDED, Severity.ERROR),
                finding(RuleCode.EMERGENCY_FUND_LOW, Severity.WARNING),
                finding(RuleCode.MAX_CONTRIBUTION_EXCEEDED, Severity.CRITICAL)),
            12,
            10,
            0.5,
            0.9));

    assertThat(documents.flushed)
        .containsExactlyInAnyOrder(
            new Document(
                Map.of("code", "MAX_CONTRIBUTION_EXCEEDED"), Map.of("VerificationFindings", 2.0)),
            new Document(
                Map.of("code", "EMERGENCY_FUND_LOW"), Map.of("VerificationFindings", 1.0)));
  }

  @Test
  void aReportWithoutFindingsWritesNothing() {
    metrics.reportStored(new VerificationReport(2026, Outcome.APPROVED, List.of(), 12, 12, 0, 1));

    assertThat(documents.flushed).isEmpty();
  }

  @Test
  void aMessageSetAsideIsCountedByAgentAndCause() {
    metrics.setAside("planning", DeadLetterMetrics.Cause.POISON);

    assertThat(documents.flushed)
        .containsExactly(
            new Document(
                Map.of("agent", "planning", "cause", "POISON"), Map.of("DeadLettered", 1.0)));
  }

  @Test
  void eachInvocationHandsItsContextToPowertoolsColdStartCapture() {
    Context context =
        (Context)
            Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) ->
                    "equals".equals(method.getName()) ? proxy == args[0] : null);

    metrics.invocationStarted(context);

    assertThat(documents.coldStartsCaptured).containsExactly(context);
  }

  private static Finding finding(RuleCode code, Severity severity) {
    return Finding.of(
        code,
        severity,
        "a finding",
        new Evidence("measure", BigDecimal.ONE, BigDecimal.TEN, Evidence.Unit.USD),
        new Citation("irs", "IRS Publication 590-A"),
        2026,
        "change it",
        List.of());
  }
}
