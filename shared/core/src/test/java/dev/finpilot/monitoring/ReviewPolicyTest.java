package dev.finpilot.monitoring;

import static dev.finpilot.monitoring.TriggerMergerTest.T0;
import static dev.finpilot.monitoring.TriggerMergerTest.life;
import static dev.finpilot.monitoring.TriggerMergerTest.market;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewPolicyTest {

  private final ReviewPolicy policy = new ReviewPolicy();

  private ReviewDecision decide(Trigger... triggers) {
    return policy.decide(new TriggerMerger().merge(List.of(triggers)).get(0));
  }

  @Test
  void lowTriggersAreRecordedButDoNotTouchThePlan() {
    ReviewDecision d = decide(market("r", "RATE_MOVE", TriggerSeverity.LOW, T0));
    assertThat(d.action()).isEqualTo(ReviewAction.MONITOR);
    assertThat(d.approval()).isEqualTo(Approval.NOT_NEEDED);
    assertThat(d.requiresReverification()).isFalse();
    assertThat(d.requiresReplan()).isFalse();
    assertThat(d.notifyUserNow()).isFalse();
    assertThat(d.mayApplyWithoutUser(true)).isFalse();
  }

  @Test
  void mediumMarketMovesReverifyAndMayApplyAnOutrightApprovedVersion() {
    ReviewDecision d = decide(market("d", "DRAWDOWN", TriggerSeverity.MEDIUM, T0));
    assertThat(d.action()).isEqualTo(ReviewAction.REVERIFY);
    assertThat(d.requiresReverification()).isTrue();
    assertThat(d.requiresReplan()).isFalse();
    assertThat(d.approval()).isEqualTo(Approval.AUTO_APPLY_IF_APPROVED);
    assertThat(d.mayApplyWithoutUser(true)).isTrue();
    assertThat(d.mayApplyWithoutUser(false)).isFalse();
    assertThat(d.notifyUserNow()).isFalse();
  }

  @Test
  void mediumLifeEventsNeedTheUser() {
    ReviewDecision d =
        decide(
            life("n", "NEW_DEPENDENT", TriggerSeverity.MEDIUM, T0),
            market("r", "RATE_MOVE", TriggerSeverity.LOW, T0));
    assertThat(d.action()).isEqualTo(ReviewAction.REVERIFY);
    assertThat(d.approval()).isEqualTo(Approval.USER_APPROVAL);
    assertThat(d.mayApplyWithoutUser(true)).isFalse();
  }

  @Test
  void highAndCriticalReplanNotifyAndWaitForTheUser() {
    for (TriggerSeverity s : List.of(TriggerSeverity.HIGH, TriggerSeverity.CRITICAL)) {
      ReviewDecision d = decide(market("d", "DRAWDOWN", s, T0));
      assertThat(d.action()).isEqualTo(ReviewAction.REPLAN);
      assertThat(d.requiresReplan()).isTrue();
      assertThat(d.approval()).isEqualTo(Approval.USER_APPROVAL);
      assertThat(d.notifyUserNow()).isTrue();
      assertThat(d.mayApplyWithoutUser(true)).isFalse();
      assertThat(d.reasons()).last().asString().startsWith(s + ": propose a new version now");
    }
  }

  @Test
  void theDecisionKeepsTheCompoundsIdentityDeadlineAndReasons() {
    ReviewDecision d =
        decide(
            life("job", "JOB_LOSS", TriggerSeverity.HIGH, T0),
            market("crash", "DRAWDOWN", TriggerSeverity.HIGH, T0.plusSeconds(5)));
    assertThat(d.severity()).isEqualTo(TriggerSeverity.CRITICAL);
    assertThat(d.triggerId()).isEqualTo("plan-1:" + T0);
    assertThat(d.planId()).isEqualTo("plan-1");
    assertThat(d.actBy()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(d.reasons()).hasSize(4);
  }
}
