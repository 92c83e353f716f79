package dev.finpilot.functions.monitor;

import dev.finpilot.aws.PrimingFixtures;
import org.junit.jupiter.api.Test;

/** What the market monitor runs before a SnapStart snapshot: a plan read, the historical market. */
class MonitorPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void everyPathRunsAndLeavesNothingBehind() {
    fixtures.assertPrimedWithoutTrace("monitor", MonitorHandler.priming(fixtures.agentContext()));
  }
}
