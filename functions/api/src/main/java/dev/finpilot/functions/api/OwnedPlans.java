package dev.finpilot.functions.api;

import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanVersion;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way the API looks a plan up: by id and owner together. Someone else's plan answers
 * exactly like a missing one, so a guessed id reveals nothing.
 */
@Singleton
final class OwnedPlans {
  private final PlanRepository plans;
  private final ParsedVersions parsed = new ParsedVersions();

  OwnedPlans(PlanRepository plans) {
    this.plans = plans;
  }

  PlanRecord require(String userId, String planId) {
    return plans
        .find(canonical(planId))
        .filter(p -> p.userId().equals(userId))
        .orElseThrow(OwnedPlans::notFound);
  }

  /** Version {@code number} of the caller's {@code plan} (from {@link #require}), if made yet. */
  Optional<PlanVersion> version(PlanRecord plan, int number) {
    return number <= plan.currentVersion()
        ? parsed.get(plan, number, () -> plans.findVersion(plan.planId(), number))
        : Optional.empty();
  }

  /** Version {@code number} of the caller's {@code plan}; a version not yet made is 404. */
  PlanVersion requireVersion(PlanRecord plan, int number) {
    return version(plan, number)
        .orElseThrow(
            () -> new ProblemException(ProblemType.NOT_FOUND, "the plan has no version " + number));
  }

  /** Plan ids are UUIDs in canonical form; anything else cannot name a plan. */
  private static String canonical(String planId) {
    try {
      String canonical = UUID.fromString(planId).toString();
      if (canonical.equals(planId)) {
        return canonical;
      }
    } catch (IllegalArgumentException e) {
      // not a UUID: same answer as an unknown plan
    }
    throw notFound();
  }

  private static ProblemException notFound() {
    return new ProblemException(ProblemType.NOT_FOUND, "no such plan");
  }
}
