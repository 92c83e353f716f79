package dev.finpilot.functions.verification;

import dev.finpilot.aws.PrimingFixtures;
import dev.finpilot.aws.QueueHandler;
import org.junit.jupiter.api.Test;

/**
 * What the verification agent runs before a SnapStart snapshot: a small projection, whose
 * candidates are verified.
 */
class VerificationPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void everyPathRunsAndLeavesNothingBehind() {
    fixtures.assertPrimedWithoutTrace(
        "verification",
        QueueHandler.primingPaths(fixtures.agentContext(), VerificationHandler.PRIMING));
  }
}
