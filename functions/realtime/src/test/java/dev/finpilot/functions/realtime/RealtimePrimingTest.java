package dev.finpilot.functions.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.aws.PrimingFixtures;
import org.junit.jupiter.api.Test;

/** What the realtime function runs before a SnapStart snapshot: a connection's token checked. */
class RealtimePrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void aConnectionTokenIsCheckedAndNoConnectionOrSessionIsStored() {
    fixtures.assertPrimedWithoutTrace(
        "realtime", RealtimeHandler.priming(fixtures.authenticator()));

    assertThat(fixtures.keyReads).as("signing key reads").hasPositiveValue();
  }
}
