package dev.finpilot.monitoring;

import dev.finpilot.domain.FinancialState;
import java.util.Optional;

/**
 * What a reported life event means for one ACTIVE plan: how urgent it is, what the review policy
 * decides, and the household's state to plan with from now on.
 *
 * @param revisedState the owner's own new numbers when they sent them, else the state the event
 *     alone determines; empty when neither exists and the plan is reviewed on its old numbers
 */
public record LifeEventReview(ReviewDecision decision, Optional<FinancialState> revisedState) {

  private static final LifeEventClassifier CLASSIFIER = new LifeEventClassifier();
  private static final ReviewPolicy POLICY = new ReviewPolicy();

  /**
   * @param reported the state the owner sent with the event, or null
   */
  public static LifeEventReview of(
      String planId, LifeEvent event, FinancialState current, FinancialState reported) {
    Trigger trigger = Trigger.life(planId, CLASSIFIER.classify(event, current));
    ReviewDecision policy =
        POLICY.decide(CompoundTrigger.open(trigger, TriggerMerger.DEFAULT_WINDOW));
    // A single report is its own business key: named after the event, not the window's start, so
    // two reports in the same instant are two reviews and a redelivered one is the same review.
    ReviewDecision decision =
        new ReviewDecision(
            trigger.id(),
            planId,
            policy.severity(),
            policy.action(),
            policy.approval(),
            policy.notifyUserNow(),
            policy.actBy(),
            policy.reasons());
    Optional<FinancialState> revised =
        reported == null ? LifeEventEffects.revise(current, event) : Optional.of(reported);
    return new LifeEventReview(decision, revised);
  }
}
