package dev.finpilot.functions.api;

import dev.finpilot.insight.PlanSubject;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Loads a plan version as the insight services see it ({@link PlanSubject}), for its owner only:
 * another user's plan or version answers exactly like a missing one (404), as on every plan route.
 * A version the insight services cannot work on answers 409 saying why and what to do.
 */
@Singleton
final class InsightSubjects {
  /** How many of the caller's newest plans are searched for an ACTIVE one (one query a page). */
  static final int ACTIVE_PLAN_SEARCH = 200;

  private static final int PAGE = 100;

  private final PlanRepository plans;
  private final OwnedPlans owned;

  InsightSubjects(PlanRepository plans, OwnedPlans owned) {
    this.plans = plans;
    this.owned = owned;
  }

  /** Which version of a plan a plan-level insight read. */
  enum VersionBasis {
    /** the version in force: the plan is ACTIVE, or under review while it stands */
    ACTIVE,
    /** the newest version, as no version has been put in force yet */
    CURRENT
  }

  /** A plan and the version read of it. */
  record Loaded(PlanRecord plan, PlanSubject subject, VersionBasis basis) {}

  /** Version {@code version} (as written in the path) of the caller's plan {@code planId}. */
  PlanSubject version(String userId, String planId, String version) {
    PlanRecord plan = owned.require(userId, planId);
    return subjectOf(plan, owned.requireVersion(plan, PlanRoutes.versionNumber(version)));
  }

  /** The caller's plan with its version in force, or its newest when none is in force. */
  Loaded inForce(String userId, String planId) {
    return inForce(owned.require(userId, planId));
  }

  /** {@code plan} with its version in force, or its newest when none is in force. */
  Loaded inForce(PlanRecord plan) {
    boolean active = plan.activeVersion() > 0;
    return new Loaded(
        plan,
        subjectOf(plan, versionInForce(plan)),
        active ? VersionBasis.ACTIVE : VersionBasis.CURRENT);
  }

  /** The plan's version in force, or its newest when none is in force yet. */
  PlanVersion versionInForce(PlanRecord plan) {
    if (plan.currentVersion() == 0) {
      throw new ProblemException(
          ProblemType.NOT_FOUND, "the plan has no version yet; it is " + plan.status());
    }
    return owned.requireVersion(
        plan, plan.activeVersion() > 0 ? plan.activeVersion() : plan.currentVersion());
  }

  /** The caller's most recently created ACTIVE plan, if one is among their newest plans. */
  Optional<PlanRecord> latestActive(String userId) {
    String cursor = null;
    for (int searched = 0; searched < ACTIVE_PLAN_SEARCH; searched += PAGE) {
      PlanRepository.Page<PlanRecord> page = plans.listByUser(userId, PAGE, cursor);
      Optional<PlanRecord> active =
          page.items().stream().filter(p -> p.status() == PlanStatus.ACTIVE).findFirst();
      cursor = page.nextCursor();
      if (active.isPresent() || cursor == null) {
        return active;
      }
    }
    return Optional.empty();
  }

  /**
   * The version with what it answers: its own request, or for a version stored before versions kept
   * theirs, the plan's.
   */
  static PlanSubject subjectOf(PlanRecord plan, PlanVersion version) {
    if (version.plan() == null
        || version.projection() == null
        || version.projection().inputs() == null) {
      throw new ProblemException(
          ProblemType.VERSION_PREDATES_INSIGHT,
          "version "
              + version.version()
              + " was made before FinPilot kept what its projection was computed from, so it"
              + " cannot be explained, changed or stress-tested; report a life event (POST "
              + PlanRoutes.statusUrl(plan)
              + "/life-events) to have a new version planned, then ask about that one");
    }
    PlanReasoning reasoning = version.reasoning();
    return new PlanSubject(
        version.version(),
        version.requestOr(plan.request()),
        version.plan(),
        reasoning == null ? null : reasoning.strategy(),
        reasoning == null ? null : reasoning.candidates(),
        reasoning == null ? null : reasoning.relaxations(),
        version.projection(),
        version.verification(),
        version.snapshot());
  }
}
