package dev.finpilot.functions.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher fast =
      new PasswordHasher(PasswordHasher.MIN_ITERATIONS_FOR_TESTS, new SecureRandom());

  @Test
  void productionUsesOwaspsIterationCountForPbkdf2Sha256() {
    assertThat(new PasswordHasher().iterations()).isEqualTo(600_000);
    assertThat(PasswordHasher.OWASP_ITERATIONS).isEqualTo(600_000);
  }

  @Test
  void aHashVerifiesItsPasswordOnlyAndNamesItsParameters() {
    String hash = fast.hash("correct horse battery");

    assertThat(hash).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct horse");
    assertThat(hash.split("\\$")).hasSize(4);
    assertThat(fast.verify("correct horse battery", hash)).isTrue();
    assertThat(fast.verify("correct horse batterz", hash)).isFalse();
    assertThat(fast.verify("", hash)).isFalse();
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertThat(fast.hash("same password")).isNotEqualTo(fast.hash("same password"));
  }

  @Test
  void hashesOfFewerIterationsStillVerifyAndAskToBeUpgraded() {
    PasswordHasher stronger = new PasswordHasher(2_000, new SecureRandom());
    String old = fast.hash("correct horse battery");

    assertThat(stronger.verify("correct horse battery", old)).isTrue();
    assertThat(stronger.needsRehash(old)).isTrue();
    assertThat(stronger.needsRehash(stronger.hash("x"))).isFalse();
  }

  @Test
  void storedValuesOfAnotherShapeNeverMatch() {
    for (String stored :
        new String[] {
          null,
          "",
          "plain",
          "md5$1000$c2FsdA$aGFzaA",
          "pbkdf2-sha256$10$c2FsdA$aGFzaA",
          "pbkdf2-sha256$99999999$c2FsdA$aGFzaA",
          "pbkdf2-sha256$x$c2FsdA$aGFzaA",
          "pbkdf2-sha256$1000$!!$aGFzaA"
        }) {
      assertThat(fast.verify("anything", stored)).as(stored).isFalse();
      assertThat(fast.needsRehash(stored)).as(stored).isTrue();
    }
    assertThat(fast.verify("anything", fast.decoy())).isFalse();
  }

  @Test
  void tooFewIterationsAreRefused() {
    assertThatThrownBy(() -> new PasswordHasher(999, new SecureRandom()))
        .hasMessageContaining("iterations");
  }
}
