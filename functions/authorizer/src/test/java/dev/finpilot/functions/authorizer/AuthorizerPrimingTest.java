package dev.finpilot.functions.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.aws.PrimingFixtures;
import org.junit.jupiter.api.Test;

/** What the authorizer runs before a SnapStart snapshot: one token checked against the keys. */
class AuthorizerPrimingTest {

  private final PrimingFixtures fixtures = new PrimingFixtures();

  @Test
  void aTokenIsCheckedAgainstTheSigningKeysAndNoSessionIsTouched() {
    fixtures.assertPrimedWithoutTrace(
        "authorizer", AuthorizerHandler.priming(fixtures.authenticator()));

    assertThat(fixtures.keyReads).as("signing key reads").hasPositiveValue();
  }
}
