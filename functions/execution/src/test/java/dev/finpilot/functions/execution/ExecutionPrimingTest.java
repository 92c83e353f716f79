package dev.finpilot.functions.execution;

import dev.finpilot.aws.PrimingFixtures;
import dev.finpilot.aws.QueueHandler;
import org.junit.jupiter.api.Test;

/**
 * What the execution agent runs before a SnapStart snapshot: a small projection and its first
 * month's ledger steps.
 */
class ExecutionPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void everyPathRunsAndLeavesNothingBehind() {
    fixtures.assertPrimedWithoutTrace(
        "execution", QueueHandler.primingPaths(fixtures.agentContext(), ExecutionHandler.PRIMING));
  }
}
