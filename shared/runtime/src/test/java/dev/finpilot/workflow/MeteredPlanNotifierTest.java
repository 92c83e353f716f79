package dev.finpilot.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteredPlanNotifierTest {

  final List<String> counted = new ArrayList<>();
  final List<PlanEvent> notified = new ArrayList<>();

  final WorkflowMetrics metrics =
      new WorkflowMetrics() {
        @Override
        public void stepFinished(PlanStatus step, Duration took) {
          counted.add("step " + step + " " + took.toMillis());
        }

        @Override
        public void planSettled(PlanStatus status) {
          counted.add("settled " + status);
        }

        @Override
        public void replanned() {
          counted.add("replanned");
        }
      };

  final MeteredPlanNotifier notifier =
      new MeteredPlanNotifier(metrics, (plan, event) -> notified.add(event));

  @Test
  void aStepIsTimedByTheStatusItLeft() {
    notifier.planChanged(null, event(PlanStatus.RETRIEVING, PlanStatus.PLANNING, 420));

    assertThat(counted).containsExactly("step RETRIEVING 420");
  }

  @Test
  void aVersionSentBackByTheVerifierIsAReplan() {
    notifier.planChanged(null, event(PlanStatus.VERIFYING, PlanStatus.REPLANNING, 35));

    assertThat(counted).containsExactly("step VERIFYING 35", "replanned");
  }

  @Test
  void finalStatusesAndAwaitingTheOwnerAreSettled() {
    notifier.planChanged(null, event(PlanStatus.EXECUTING, PlanStatus.ACTIVE, 80));
    notifier.planChanged(null, event(PlanStatus.PLANNING, PlanStatus.CANCELLED, 10));
    notifier.planChanged(null, event(PlanStatus.VERIFYING, PlanStatus.AWAITING_APPROVAL, 20));

    assertThat(counted)
        .containsExactly(
            "step EXECUTING 80",
            "settled ACTIVE",
            "step PLANNING 10",
            "settled CANCELLED",
            "step VERIFYING 20",
            "settled AWAITING_APPROVAL");
  }

  @Test
  void timeWithTheOwnerOrInForceIsNoStepAndEveryTransitionReachesTheOwner() {
    PlanEvent approved = event(PlanStatus.AWAITING_APPROVAL, PlanStatus.EXECUTING, 86_400_000);
    PlanEvent reviewed = event(PlanStatus.ACTIVE, PlanStatus.REVIEWING, 86_400_000);

    notifier.planChanged(null, approved);
    notifier.planChanged(null, reviewed);

    assertThat(counted).isEmpty();
    assertThat(notified).containsExactly(approved, reviewed);
  }

  private static PlanEvent event(PlanStatus from, PlanStatus to, long millis) {
    return new PlanEvent(
        "p1",
        2,
        from,
        to,
        "PlanVerified",
        "m1",
        "corr-1",
        null,
        Instant.parse("2026-03-02T10:00:00Z"),
        millis);
  }
}
