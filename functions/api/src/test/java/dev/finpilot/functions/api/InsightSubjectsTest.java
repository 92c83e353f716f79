package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.functions.api.InsightSubjects.VersionBasis;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.plans.InMemoryPlanRepository;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Loading a plan version for the insight services: the owner's only, and only when it can be. */
class InsightSubjectsTest {
  private static final Instant AT = Instant.parse("2026-03-02T14:05:07Z");

  private final InMemoryPlanRepository plans = new InMemoryPlanRepository();
  private final PlanSeeds seeds = new PlanSeeds(plans);
  private final InsightSubjects subjects = new InsightSubjects(plans, new OwnedPlans(plans));

  @Test
  void aVersionIsReadWithEverythingTheAgentsStoredForIt() {
    PlanRecord plan = seeds.active("alice", AT);
    PlanVersion stored = plans.findVersion(plan.planId(), 1).orElseThrow();

    PlanSubject subject = subjects.version("alice", plan.planId(), "1");

    assertThat(subject.version()).isEqualTo(1);
    assertThat(subject.request()).isEqualTo(stored.request());
    assertThat(subject.plan()).isEqualTo(stored.plan());
    assertThat(subject.strategy()).isEqualTo(stored.reasoning().strategy());
    assertThat(subject.candidates()).isEqualTo(stored.reasoning().candidates()).isNotEmpty();
    assertThat(subject.projection()).isEqualTo(stored.projection());
    assertThat(subject.verification()).isEqualTo(stored.verification()).isNotNull();
    assertThat(subject.snapshot()).isEqualTo(stored.snapshot());
  }

  @Test
  void aVersionStoredWithoutItsRequestAnswersThePlansOwn() {
    PlanRecord plan = seeds.received("alice", AT);
    PlanVersion planned = InsightVersions.planned(plan.planId(), 1, AT);
    PlanVersion withoutRequest =
        new PlanVersion(
            plan.planId(),
            1,
            planned.plan(),
            planned.reasoning(),
            planned.projection(),
            planned.verification(),
            AT,
            planned.snapshot(),
            null);

    assertThat(InsightSubjects.subjectOf(plan, withoutRequest).request()).isSameAs(plan.request());
  }

  @Test
  void anotherUsersPlanOrAVersionNotMadeIsNotFound() {
    PlanRecord plan = seeds.active("alice", AT);

    assertProblem(() -> subjects.version("bob", plan.planId(), "1"), ProblemType.NOT_FOUND);
    assertProblem(() -> subjects.inForce("bob", plan.planId()), ProblemType.NOT_FOUND);
    assertProblem(() -> subjects.version("alice", plan.planId(), "2"), ProblemType.NOT_FOUND);
    assertProblem(() -> subjects.version("alice", "not-a-plan", "1"), ProblemType.NOT_FOUND);
    assertProblem(
        () -> subjects.version("alice", plan.planId(), "one"), ProblemType.INVALID_REQUEST);
    assertProblem(
        () -> subjects.inForce("alice", seeds.received("alice", AT).planId()),
        ProblemType.NOT_FOUND);
  }

  @Test
  void aVersionFromBeforeProjectionInputsWereKeptSaysSoAndHowToGetANewOne() {
    PlanRecord plan = seeds.withVersions("alice", AT, 1);

    ProblemException e =
        assertProblem(
            () -> subjects.version("alice", plan.planId(), "1"),
            ProblemType.VERSION_PREDATES_INSIGHT);

    assertThat(e.type().status()).isEqualTo(409);
    assertThat(e.getMessage())
        .contains("version 1 was made before")
        .contains("POST /v1/plans/" + plan.planId() + "/life-events");
  }

  @Test
  void thePlanLevelReadTakesTheVersionInForceElseTheNewest() {
    PlanRecord active = seeds.active("alice", AT);
    PlanRecord underway = seeds.received("alice", AT.plusSeconds(60));
    plans.saveVersion(InsightVersions.planned(underway.planId(), 1, AT));
    PlanRecord generated = seeds.advanceTo(underway, 1);

    InsightSubjects.Loaded inForce = subjects.inForce("alice", active.planId());
    InsightSubjects.Loaded newest = subjects.inForce("alice", generated.planId());

    assertThat(inForce.basis()).isEqualTo(VersionBasis.ACTIVE);
    assertThat(inForce.subject().version()).isEqualTo(1);
    assertThat(newest.basis()).isEqualTo(VersionBasis.CURRENT);
    assertThat(newest.plan().planId()).isEqualTo(generated.planId());
  }

  @Test
  void theLatestActivePlanIsTheNewestOneThatIsActive() {
    assertThat(subjects.latestActive("alice")).isEmpty();
    PlanRecord older = seeds.active("alice", AT);
    PlanRecord newer = seeds.active("alice", AT.plusSeconds(60));
    seeds.received("alice", AT.plusSeconds(120));
    seeds.active("bob", AT.plusSeconds(180));

    assertThat(subjects.latestActive("alice"))
        .get()
        .extracting(PlanRecord::planId)
        .isEqualTo(newer.planId())
        .isNotEqualTo(older.planId());
  }

  private static ProblemException assertProblem(ThrowingCallable call, ProblemType type) {
    ProblemException[] caught = new ProblemException[1];
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(type);
              caught[0] = e;
            });
    return caught[0];
  }
}
