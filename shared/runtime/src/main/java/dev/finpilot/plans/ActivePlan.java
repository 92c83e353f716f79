package dev.finpilot.plans;

/**
 * A plan in force, as the index of ACTIVE plans lists it: enough to watch it and to address a
 * trigger to it without reading its head.
 *
 * @param activeVersion the version applied to the ledger and in force
 */
public record ActivePlan(String planId, String userId, int activeVersion) {}
