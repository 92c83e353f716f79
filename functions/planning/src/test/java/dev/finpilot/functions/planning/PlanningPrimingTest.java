package dev.finpilot.functions.planning;

import dev.finpilot.aws.PrimingFixtures;
import dev.finpilot.aws.QueueHandler;
import org.junit.jupiter.api.Test;

/** What the planning agent runs before a SnapStart snapshot: a small projection. */
class PlanningPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void everyPathRunsAndLeavesNothingBehind() {
    fixtures.assertPrimedWithoutTrace(
        "planning", QueueHandler.primingPaths(fixtures.agentContext(), PlanningHandler.PRIMING));
  }
}
