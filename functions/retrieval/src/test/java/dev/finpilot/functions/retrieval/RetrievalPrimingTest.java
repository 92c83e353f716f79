package dev.finpilot.functions.retrieval;

import dev.finpilot.aws.PrimingFixtures;
import dev.finpilot.aws.QueueHandler;
import org.junit.jupiter.api.Test;

/** What the retrieval agent runs before a SnapStart snapshot: the embedded historical market. */
class RetrievalPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void everyPathRunsAndLeavesNothingBehind() {
    fixtures.assertPrimedWithoutTrace(
        "retrieval", QueueHandler.primingPaths(fixtures.agentContext(), RetrievalHandler.PRIMING));
  }
}
