package dev.finpilot.plans;

import java.time.Instant;

/**
 * One entry of a plan's history: a workflow transition, the message that caused it, and how long
 * the plan spent in the previous state.
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
    long millisInPreviousState) {}
