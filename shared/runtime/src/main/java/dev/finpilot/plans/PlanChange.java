package dev.finpilot.plans;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import dev.finpilot.monitoring.ReviewDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A decided change to a plan, built from the plan it starts at in one chain and then made a {@link
 * Transition}: the new state, why, and the command to send once it is stored ({@code null} when no
 * agent has work to do). What a change cannot touch (identity, owner, correlation, creation time)
 * is taken from the plan as it was.
 */
public final class PlanChange {
  private final PlanRecord from;
  private PlanStatus status;
  private String reason;
  private int version;
  private int activeVersion;
  private int round;
  private ReviewDecision review;
  private List<Payloads.TriggerRaised> deferred;
  private PlanningRequest request;
  private MessageType command;
  private Object payload;
  private boolean aboutActive;

  private PlanChange(PlanRecord from, PlanStatus status, String reason) {
    this.from = from;
    this.status = status;
    this.reason = reason;
    this.version = from.currentVersion();
    this.activeVersion = from.activeVersion();
    this.round = from.round();
    this.review = from.review();
    this.deferred = from.deferred();
    this.request = from.request();
  }

  /** A change that keeps everything of the plan but its status and reason. */
  public static PlanChange of(PlanRecord plan, PlanStatus status, String reason) {
    return new PlanChange(plan, status, reason);
  }

  public PlanChange because(String newReason) {
    reason = newReason;
    return this;
  }

  public PlanChange withStatus(PlanStatus newStatus) {
    status = newStatus;
    return this;
  }

  /** Sends {@code type} about the version being worked on once the change is stored. */
  public PlanChange sending(MessageType type, Object body) {
    command = type;
    payload = body;
    aboutActive = false;
    return this;
  }

  /** Sends {@code type} about the version in force, as a review's re-verification does. */
  public PlanChange sendingAboutActive(MessageType type, Object body) {
    sending(type, body);
    aboutActive = true;
    return this;
  }

  public PlanChange generating(int newVersion, int newRound) {
    version = newVersion;
    round = newRound;
    return this;
  }

  public PlanChange activating(int newActiveVersion) {
    activeVersion = newActiveVersion;
    return this;
  }

  /** Starts a review: its decision and numbers replace the plan's, nothing stays deferred. */
  public PlanChange reviewing(ReviewDecision newReview, PlanningRequest newRequest) {
    review = newReview;
    request = newRequest;
    deferred = List.of();
    return this;
  }

  public PlanChange deferring(Payloads.TriggerRaised trigger) {
    List<Payloads.TriggerRaised> more = new ArrayList<>(deferred);
    more.add(trigger);
    deferred = List.copyOf(more);
    return this;
  }

  /** The plan as it was before the change. */
  public PlanRecord from() {
    return from;
  }

  public PlanStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public PlanningRequest request() {
    return request;
  }

  MessageType command() {
    return command;
  }

  Object payload() {
    return payload;
  }

  /** The version the command is about, as the change finally stands. */
  int commandVersion() {
    return aboutActive ? activeVersion : version;
  }

  /** The plan after the change, one revision up, caused by message {@code causedBy}. */
  PlanRecord applied(String causedBy, Instant now) {
    return new PlanRecord(
        from.planId(),
        from.userId(),
        status,
        from.revision() + 1,
        version,
        activeVersion,
        round,
        review,
        deferred,
        from.correlationId(),
        reason,
        causedBy,
        request,
        from.createdAt(),
        now);
  }
}
