package dev.finpilot.plans;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.Plan;
import java.time.Instant;

/**
 * One generated version of a plan with what the agents produced for it: the plan, its reasoning
 * trace and projection (planning), and the verification report (verification, once run).
 */
public record PlanVersion(
    String planId,
    int version,
    Plan plan,
    JsonNode reasoning,
    JsonNode projection,
    JsonNode verification,
    Instant createdAt) {

  public PlanVersion withVerification(JsonNode report) {
    return new PlanVersion(planId, version, plan, reasoning, projection, report, createdAt);
  }
}
