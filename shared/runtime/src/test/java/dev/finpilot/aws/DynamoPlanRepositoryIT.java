package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.ActivePlan;
import dev.finpilot.plans.ActivePlanFixtures;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import dev.finpilot.plans.VersionFixtures;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.VerificationReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Plans, their versions and their history in the template's plans table. */
@WithAwsBackend
class DynamoPlanRepositoryIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  private final Environment env;
  private final DynamoPlanRepository plans;

  DynamoPlanRepositoryIT(Environment env) {
    this.env = env;
    this.plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
  }

  @Test
  void aPlanIsCreatedOnceAndReadBackAsStored() {
    PlanRecord plan = received("user-1", NOW);

    assertThat(plans.create(plan)).isTrue();
    assertThat(plans.create(plan)).as("the same plan id again").isFalse();

    assertThat(plans.find(plan.planId())).contains(plan);
    assertThat(plans.find("no-such-plan")).isEmpty();
  }

  @Test
  void aTransitionAppliesOnlyOnTheRevisionItWasMadeFrom() {
    PlanRecord plan = received("user-1", NOW);
    plans.create(plan);
    Envelope command = Commands.generatePlan(plan.planId(), NOW);
    Transition cancelled = Transition.cancel(plan, "corr-cancel", NOW.plusSeconds(5));
    Transition withCommand = new Transition(cancelled.updated(), cancelled.event(), command);

    assertThat(plans.apply(withCommand)).isTrue();
    assertThat(plans.apply(withCommand)).as("a second writer of the same revision").isFalse();

    assertThat(plans.find(plan.planId()).orElseThrow().status()).isEqualTo(PlanStatus.CANCELLED);
    assertThat(plans.history(plan.planId())).containsExactly(cancelled.event());
    assertThat(plans.commandAt(plan.planId(), cancelled.updated().revision())).contains(command);
    assertThat(plans.commandAt(plan.planId(), 7)).isEmpty();
  }

  @Test
  void aTransitionWithoutACommandKeepsOnlyItsEvent() {
    PlanRecord plan = received("user-1", NOW);
    plans.create(plan);
    Transition cancelled = Transition.cancel(plan, "corr-cancel", NOW.plusSeconds(5));

    assertThat(plans.apply(cancelled)).isTrue();

    assertThat(plans.commandAt(plan.planId(), cancelled.updated().revision())).isEmpty();
    assertThat(plans.history(plan.planId()))
        .extracting(PlanEvent::to)
        .containsExactly(PlanStatus.CANCELLED);
  }

  @Test
  void aVersionIsWrittenOnceAndItsFirstVerificationStands() {
    PlanRecord plan = received("user-1", NOW);
    PlanVersion version =
        new PlanVersion(plan.planId(), 1, null, VersionFixtures.reasoning(0.7), null, null, NOW);

    assertThat(plans.saveVersion(version)).isTrue();
    assertThat(plans.saveVersion(version)).isFalse();
    assertThat(plans.findVersion(plan.planId(), 1)).contains(version);
    assertThat(plans.findVersion(plan.planId(), 2)).isEmpty();

    VerificationReport first = VersionFixtures.approved();
    VerificationReport second =
        new VerificationReport(2027, Outcome.APPROVED, List.of(), 13, 13, 0, 1);
    plans.saveVerification(version.withVerification(first));
    plans.saveVerification(version.withVerification(second));

    assertThat(plans.findVersion(plan.planId(), 1).orElseThrow().verification()).isEqualTo(first);
  }

  @Test
  void aUsersPlansAreListedNewestFirstPageByPage() {
    String userId = "user-" + UUID.randomUUID();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      PlanRecord plan = received(userId, NOW.plusSeconds(i));
      plans.create(plan);
      created.add(0, plan.planId());
    }
    plans.create(received("someone-else", NOW));

    List<String> listed = new ArrayList<>();
    PlanRepository.Page<PlanRecord> page = plans.listByUser(userId, 2, null);
    listed.addAll(page.items().stream().map(PlanRecord::planId).toList());
    while (page.nextCursor() != null) {
      page = plans.listByUser(userId, 2, page.nextCursor());
      listed.addAll(page.items().stream().map(PlanRecord::planId).toList());
    }

    assertThat(listed).isEqualTo(created);
    assertThatThrownBy(() -> plans.listByUser(userId, 2, "%%%"))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> plans.listByUser(userId, 2, "bm90LWEta2V5"))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void aHeadWrittenBeforeReviewsExistedReadsItsActiveVersionFromItsStatus() {
    String active = UUID.randomUUID().toString();
    String planning = UUID.randomUUID().toString();
    putHeadWithoutActiveVersion(active, PlanStatus.ACTIVE, 2);
    putHeadWithoutActiveVersion(planning, PlanStatus.PLANNING, 1);

    assertThat(plans.find(active).orElseThrow().activeVersion()).isEqualTo(2);
    assertThat(plans.find(planning).orElseThrow().activeVersion()).isZero();
    assertThat(plans.find(planning).orElseThrow().review()).isNull();
    assertThat(plans.find(planning).orElseThrow().deferred()).isEmpty();
  }

  @Test
  void theActivePlansIndexListsThePlansInForceAndNoOtherPageByPage() {
    List<String> active = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      PlanRecord plan = activeOn(1);
      plans.create(plan);
      active.add(plan.planId());
    }
    PlanRecord received = received("user-1", NOW);
    plans.create(received);
    PlanRecord reviewed = activeOn(3);
    plans.create(reviewed);
    plans.apply(
        Transition.of(
            PlanChange.of(reviewed, PlanStatus.REVIEWING, "a market move"),
            new Transition.Cause(MessageType.TRIGGER_RAISED, "m-review", "corr-review"),
            NOW.plusSeconds(1)));

    List<ActivePlan> listed = new ArrayList<>();
    PlanRepository.Page<ActivePlan> page = plans.activePlans(4, null);
    listed.addAll(page.items());
    while (page.nextCursor() != null) {
      assertThat(page.items()).hasSizeLessThanOrEqualTo(4);
      page = plans.activePlans(4, page.nextCursor());
      listed.addAll(page.items());
    }

    assertThat(listed).extracting(ActivePlan::planId).doesNotHaveDuplicates();
    assertThat(listed).extracting(ActivePlan::planId).containsAll(active);
    assertThat(listed)
        .extracting(ActivePlan::planId)
        .doesNotContain(received.planId(), reviewed.planId());
    assertThat(listed)
        .filteredOn(p -> active.contains(p.planId()))
        .allSatisfy(
            p -> {
              assertThat(p.activeVersion()).isEqualTo(1);
              assertThat(p.userId()).isEqualTo("user-" + p.planId());
            });
  }

  @Test
  void aCursorThisStoreDidNotMakeIsRefused() {
    assertThatThrownBy(() -> plans.activePlans(2, "%%%"))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(
            () -> plans.activePlans(2, Items.encodeCursor(Map.of("shard", Items.s("8")))))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void anActiveHeadWrittenBeforeTheIndexReadsAsBeforeAndIsListedFromItsNextTransition() {
    String legacy = UUID.randomUUID().toString();
    putHeadWithoutActiveVersion(legacy, PlanStatus.ACTIVE, 2);
    PlanRecord stored = plans.find(legacy).orElseThrow();

    assertThat(stored.status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(allActive()).doesNotContain(legacy);

    plans.apply(
        Transition.of(
            PlanChange.of(stored, PlanStatus.ACTIVE, "nothing to review"),
            new Transition.Cause(MessageType.TRIGGER_RAISED, "m-legacy", "corr-legacy"),
            NOW.plusSeconds(1)));

    assertThat(allActive()).contains(legacy);
  }

  private List<String> allActive() {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    do {
      PlanRepository.Page<ActivePlan> page = plans.activePlans(100, cursor);
      page.items().forEach(p -> ids.add(p.planId()));
      cursor = page.nextCursor();
    } while (cursor != null);
    return ids;
  }

  private static PlanRecord activeOn(int version) {
    return ActivePlanFixtures.active(UUID.randomUUID().toString(), version, NOW);
  }

  /** A head as stored before plans had an active version, a review or deferred triggers. */
  private void putHeadWithoutActiveVersion(String planId, PlanStatus status, int version) {
    Map<String, AttributeValue> item = new HashMap<>(Items.key("PLAN#" + planId, "META"));
    item.put("gsi1pk", Items.s("USER#legacy"));
    item.put("gsi1sk", Items.s(NOW + "#" + planId));
    item.put("planId", Items.s(planId));
    item.put("userId", Items.s("legacy"));
    item.put("status", Items.s(status.name()));
    item.put("revision", Items.n(4));
    item.put("currentVersion", Items.n(version));
    item.put("round", Items.n(1));
    item.put("correlationId", Items.s("corr-legacy"));
    item.put("request", Items.s(Json.write(FinancialStateFixtures.request())));
    item.put("createdAt", Items.s(NOW.toString()));
    item.put("updatedAt", Items.s(NOW.toString()));
    env.dynamoDb().putItem(r -> r.tableName(env.tableName("PlansTable")).item(item));
  }

  private static PlanRecord received(String userId, Instant at) {
    return PlanRecord.received(
        UUID.randomUUID().toString(), userId, FinancialStateFixtures.request(), "corr-1", at);
  }
}
