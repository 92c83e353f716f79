package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevSecretsTest {

  @Test
  void sameLogicalIdGivesTheSameValueAndDefaultsTo32Characters() {
    String first = DevSecrets.generate("ApiKey", Map.of());
    assertThat(first).hasSize(32).isEqualTo(DevSecrets.generate("ApiKey", Map.of()));
    assertThat(DevSecrets.generate("OtherKey", Map.of())).isNotEqualTo(first);
  }

  @Test
  void honoursLengthAndExclusions() {
    String value =
        DevSecrets.generate(
            "Key",
            Map.of(
                "PasswordLength", "200",
                "ExcludePunctuation", "true",
                "ExcludeUppercase", "true",
                "ExcludeCharacters", "abc"));
    assertThat(value).hasSize(200).matches("[d-z0-9]+");
  }

  @Test
  void fillsTheKeyOfASecretStringTemplate() throws Exception {
    String value =
        DevSecrets.generate(
            "Jwt",
            Map.of(
                "SecretStringTemplate", "{\"kid\": \"dev\"}",
                "GenerateStringKey", "key",
                "PasswordLength", "8",
                "ExcludeCharacters", "\"\\"));
    assertThat(value).matches("\\{\"kid\": \"dev\",\"key\":\"[^\"\\\\]{8}\"}");
    String withPunctuation =
        DevSecrets.generate("Jwt", Map.of("SecretStringTemplate", "{}", "GenerateStringKey", "k"));
    JsonNode parsed = new ObjectMapper().readTree(withPunctuation);
    assertThat(parsed.get("k").asText()).hasSize(32);
  }

  @Test
  void rejectsImpossibleSpecifications() {
    assertThatThrownBy(() -> DevSecrets.generate("K", Map.of("PasswordLength", "0")))
        .hasMessageContaining("PasswordLength: must be 1..4096");
    assertThatThrownBy(
            () ->
                DevSecrets.generate(
                    "K",
                    Map.of(
                        "ExcludeLowercase", "true",
                        "ExcludeUppercase", "true",
                        "ExcludeNumbers", "true",
                        "ExcludePunctuation", "true")))
        .hasMessageContaining("every character is excluded");
    assertThatThrownBy(
            () ->
                DevSecrets.generate(
                    "K", Map.of("SecretStringTemplate", "[]", "GenerateStringKey", "k")))
        .hasMessageContaining("SecretStringTemplate: expected a JSON object");
  }
}
