package dev.finpilot.functions.workflow;

import dev.finpilot.aws.PrimingFixtures;
import dev.finpilot.aws.QueueHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the workflow agent runs before a SnapStart snapshot: only what every agent primes. */
class WorkflowPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void everyPathRunsAndLeavesNothingBehind() {
    fixtures.assertPrimedWithoutTrace(
        "workflow", QueueHandler.primingPaths(fixtures.agentContext(), List.of()));
  }
}
