package dev.finpilot.plans;

import dev.finpilot.messaging.Envelope;

/**
 * A state change to apply atomically: the new head (whose {@code revision} is one above the stored
 * one), the history entry, and the command to send afterwards (kept on the head so a redelivered
 * cause can resend it).
 */
public record Transition(PlanRecord updated, PlanEvent event, Envelope command) {}
