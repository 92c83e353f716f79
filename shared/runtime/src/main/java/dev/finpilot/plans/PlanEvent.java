package dev.finpilot.plans;

import dev.finpilot.messaging.MessageType;
import java.time.Instant;

/**
 * One entry of a plan's history: a workflow transition, the message that caused it, and how long
 * the plan spent in the previous state. Made by {@link Transition#of}.
 *
 * @param messageType the wire name of the cause's {@link MessageType}; an entry stored under a
 *     former name reads as the current one
 */
public record PlanEvent(
    String planId,
    long revision,
    PlanStatus from,
    PlanStatus to,
    String messageType,
    String messageId,
    String correlationId,
    String reason,
    Instant at,
    long millisInPreviousState) {

  public PlanEvent {
    messageType = MessageType.currentWireName(messageType);
  }
}
