package dev.finpilot.functions.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.SigningKey;
import dev.finpilot.auth.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The authorizer on the sample event of {@code events/authorizer/}, with fixed keys and clock. */
class AuthorizerHandlerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");
  private static final SigningKeys KEYS =
      new SigningKeys(SigningKey.of("k1", "a".repeat(64)), List.of());

  private final AccessTokens issuer = tokensAt(NOW);
  private final AuthorizerHandler handler = new AuthorizerHandler(tokensAt(NOW));

  private static AccessTokens tokensAt(Instant instant) {
    return new AccessTokens(() -> KEYS, Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aValidTokenIsAuthorizedWithTheUserIdInTheContext() throws IOException {
    SimpleIAMPolicyResponse response =
        handler.handleRequest(
            withAuthorization("Bearer " + issuer.issue("user-123").token()), null);

    assertThat(response.getIsAuthorized()).isTrue();
    assertThat(response.getContext()).containsExactly(Map.entry("userId", "user-123"));
  }

  @Test
  void theSchemeIsCaseInsensitive() throws IOException {
    String token = issuer.issue("user-123").token();

    assertThat(authorized("bearer " + token)).isTrue();
    assertThat(authorized("BEARER  " + token)).isTrue();
  }

  @Test
  void theHeaderIsReadWhenNoIdentitySourceIsGiven() throws IOException {
    APIGatewayV2CustomAuthorizerEvent event = sample();
    event.setIdentitySource(null);
    event.getHeaders().put("authorization", "Bearer " + issuer.issue("user-9").token());

    assertThat(handler.handleRequest(event, null).getContext()).containsEntry("userId", "user-9");
  }

  @Test
  void anExpiredTokenIsRefused() throws IOException {
    String token = tokensAt(NOW.minus(Duration.ofMinutes(16))).issue("user-123").token();

    SimpleIAMPolicyResponse response =
        handler.handleRequest(withAuthorization("Bearer " + token), null);

    assertThat(response.getIsAuthorized()).isFalse();
    assertThat(response.getContext()).isEmpty();
  }

  @Test
  void aTamperedTokenIsRefused() throws IOException {
    String[] parts = issuer.issue("user-123").token().split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("user-123", "user-456");
    String forged = parts[0] + "." + base64(claims) + "." + parts[2];

    assertThat(authorized("Bearer " + forged)).isFalse();
  }

  @Test
  void anAlgNoneTokenIsRefused() throws IOException {
    String[] parts = issuer.issue("user-123").token().split("\\.");
    String unsecured = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

    assertThat(authorized("Bearer " + unsecured)).isFalse();
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws IOException {
    SigningKeys other = new SigningKeys(SigningKey.of("k1", "z".repeat(64)), List.of());
    String token =
        new AccessTokens(() -> other, Clock.fixed(NOW, ZoneOffset.UTC)).issue("user-123").token();

    assertThat(authorized("Bearer " + token)).isFalse();
  }

  @Test
  void missingOrNonBearerCredentialsAreRefused() throws IOException {
    for (String header : List.of("", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "token")) {
      assertThat(authorized(header)).as(header).isFalse();
    }
    APIGatewayV2CustomAuthorizerEvent none = sample();
    none.setIdentitySource(List.of());
    none.setHeaders(null);
    assertThat(handler.handleRequest(none, null).getIsAuthorized()).isFalse();
    assertThat(handler.handleRequest(null, null).getIsAuthorized()).isFalse();
  }

  @Test
  void whenTheKeysCannotBeReadTheRequestFailsInsteadOfPassing() throws IOException {
    AuthorizerHandler broken =
        new AuthorizerHandler(
            new AccessTokens(
                () -> {
                  throw new IllegalStateException("secrets manager unreachable");
                },
                Clock.fixed(NOW, ZoneOffset.UTC)));

    String token = issuer.issue("user-123").token();

    assertThatThrownBy(() -> broken.handleRequest(withAuthorization("Bearer " + token), null))
        .isInstanceOf(IllegalStateException.class);
  }

  private boolean authorized(String authorization) throws IOException {
    return handler.handleRequest(withAuthorization(authorization), null).getIsAuthorized();
  }

  private static APIGatewayV2CustomAuthorizerEvent withAuthorization(String authorization)
      throws IOException {
    APIGatewayV2CustomAuthorizerEvent event = sample();
    event.setIdentitySource(List.of(authorization));
    event.getHeaders().put("authorization", authorization);
    return event;
  }

  private static APIGatewayV2CustomAuthorizerEvent sample() throws IOException {
    APIGatewayV2CustomAuthorizerEvent event =
        new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .readValue(
                Files.readString(repositoryFile("events/authorizer/authorize.json")),
                APIGatewayV2CustomAuthorizerEvent.class);
    event.setHeaders(new HashMap<>(event.getHeaders()));
    return event;
  }

  private static Path repositoryFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found");
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
