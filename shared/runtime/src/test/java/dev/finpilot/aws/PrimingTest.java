package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void thePlanReadAsksThePlanStoreAndChangesNothing() {
    fixtures.assertPrimedWithoutTrace("test", List.of(Priming.planLookup(fixtures.plans)));

    fixtures.plans.breakWith(new IllegalStateException("plans table unreachable"));
    assertThat(Priming.register("test", List.of(Priming.planLookup(fixtures.plans))).run())
        .as("the read reached the broken store")
        .isZero();
  }

  @Test
  void theEngineAndMessagePathsRunOnThrowawayObjects() {
    fixtures.assertPrimedWithoutTrace(
        "test",
        List.of(Priming.envelopeRoundTrip(), Priming.projection(), Priming.historicalMarket()));
  }

  @Test
  void theSampleHouseholdIsAPlanningRequestWithGoals() {
    assertThat(Priming.household().goals()).isNotEmpty();
    assertThat(Priming.household().state()).isNotNull();
  }

  @Test
  void theTokenCheckReadsTheKeysAndIsRefusedBeforeAnySession() {
    fixtures.assertPrimedWithoutTrace(
        "test", List.of(Priming.tokenCheck(fixtures.authenticator())));

    assertThat(fixtures.keyReads).hasPositiveValue();
  }

  @Test
  void aFailingPathIsSkippedAndTheOthersStillRunBeforeTheCheckpoint() {
    List<String> ran = new ArrayList<>();
    Priming priming =
        Priming.register(
            "test",
            List.of(
                () -> ran.add("first"),
                () -> {
                  throw new IllegalStateException("no credentials at build time");
                },
                () -> ran.add("third")));

    priming.beforeCheckpoint(null);
    priming.afterRestore(null);

    assertThat(ran).containsExactly("first", "third");
    assertThat(priming.run()).isEqualTo(2);
  }

  @Test
  void everyAgentPrimesThePlanReadAndTheEnvelopeBeforeItsOwnPaths() {
    List<String> ran = new ArrayList<>();
    List<Runnable> paths =
        QueueHandler.primingPaths(fixtures.agentContext(), List.of(() -> ran.add("own")));

    fixtures.assertPrimedWithoutTrace("test", paths);

    assertThat(paths).hasSize(3);
    assertThat(ran).containsExactly("own");
  }
}
