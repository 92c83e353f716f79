package dev.finpilot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
  private static final String SECRET = "s".repeat(64);

  @Test
  void readsTheCurrentAndPreviousKeysFromTheSecretJson() {
    SigningKeys keys =
        SigningKeys.parse(
            "{\"kid\":\"k2\",\"signingKey\":\""
                + SECRET
                + "\",\"previous\":[{\"kid\":\"k1\",\"signingKey\":\""
                + "t".repeat(40)
                + "\"}]}");

    assertThat(keys.current().kid()).isEqualTo("k2");
    assertThat(keys.forKid("k1")).hasValueSatisfying(k -> assertThat(k.kid()).isEqualTo("k1"));
    assertThat(keys.forKid("k2")).contains(keys.current());
    assertThat(keys.forKid("k3")).isEmpty();
    assertThat(keys.forKid(null)).isEmpty();
  }

  @Test
  void theTemplateShapeWithoutPreviousKeysIsEnough() {
    SigningKeys keys = SigningKeys.parse("{\"kid\":\"k1\",\"signingKey\":\"" + SECRET + "\"}");

    assertThat(keys.current()).isEqualTo(SigningKey.of("k1", SECRET));
  }

  @Test
  void malformedSecretsAreRefusedWithoutQuotingAKey() {
    assertThatThrownBy(() -> SigningKeys.parse("not json")).hasMessageContaining("not JSON");
    assertThatThrownBy(() -> SigningKeys.parse("[]")).hasMessageContaining("JSON object");
    assertThatThrownBy(() -> SigningKeys.parse("{\"kid\":\"k1\"}"))
        .hasMessageContaining("signingKey");
    assertThatThrownBy(() -> SigningKeys.parse("{\"signingKey\":\"" + SECRET + "\"}"))
        .hasMessageContaining("kid");
    assertThatThrownBy(
            () ->
                SigningKeys.parse(
                    "{\"kid\":\"k1\",\"signingKey\":\"" + SECRET + "\",\"previous\":{}}"))
        .hasMessageContaining("previous");
    assertThatThrownBy(
            () ->
                SigningKeys.parse(
                    "{\"kid\":\"k1\",\"signingKey\":\"" + SECRET + "\",\"previous\":[{}]}"))
        .hasMessageContaining("previous[0].kid");
    assertThatThrownBy(() -> SigningKeys.parse("{\"kid\":\"k1\",\"signingKey\":\"short\"}"))
        .hasMessageContaining("at least 32 bytes")
        .hasMessageNotContaining("short\"");
  }

  @Test
  void kidsAreUniqueAndWellFormed() {
    SigningKey k1 = SigningKey.of("k1", SECRET);

    assertThatThrownBy(() -> new SigningKeys(k1, List.of(SigningKey.of("k1", "u".repeat(32)))))
        .hasMessageContaining("k1");
    assertThatThrownBy(() -> SigningKey.of("bad kid", SECRET)).hasMessageContaining("kid");
  }

  @Test
  void aKeyNeverPrintsItsSecretAndComparesByValue() {
    SigningKey key = SigningKey.of("k1", SECRET);

    assertThat(key.toString()).doesNotContain(SECRET).contains("k1");
    assertThat(key)
        .isEqualTo(SigningKey.of("k1", SECRET))
        .hasSameHashCodeAs(SigningKey.of("k1", SECRET));
    assertThat(key).isNotEqualTo(SigningKey.of("k1", "v".repeat(64)));
    assertThat(key).isNotEqualTo(SigningKey.of("k2", SECRET));
  }
}
