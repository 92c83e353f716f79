package dev.finpilot.functions.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.Authenticator;
import dev.finpilot.auth.InMemorySessionStore;
import dev.finpilot.auth.Session;
import dev.finpilot.auth.SigningKey;
import dev.finpilot.auth.SigningKeys;
import dev.finpilot.testing.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The authorizer on the sample event of {@code events/authorizer/}, with fixed keys, a clock the
 * tests move and sessions in memory.
 */
class AuthorizerHandlerTest {
  private static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");
  private static final SigningKeys KEYS =
      new SigningKeys(SigningKey.of("k1", "a".repeat(64)), List.of());

  private final MutableClock clock = new MutableClock(NOW);
  private final AccessTokens issuer = new AccessTokens(() -> KEYS, clock);
  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final List<String> auditLines = new ArrayList<>();
  private final AuthorizerHandler handler =
      new AuthorizerHandler(
          new Authenticator(issuer, sessions, clock), new AuditLog(auditLines::add));

  /** A token of a live session of an existing account. */
  private String tokenOf(String userId) {
    sessions.addAccount(userId);
    String sessionId = UUID.randomUUID().toString();
    sessions.start(new Session(sessionId, userId, NOW, NOW.plus(Duration.ofDays(7)), null));
    return issuer.issue(userId, sessionId).token();
  }

  @Test
  void aValidTokenIsAuthorizedWithTheUserAndSessionInTheContext() throws IOException {
    String token = tokenOf("user-123");
    String sessionId = issuer.verify(token).sessionId();

    SimpleIAMPolicyResponse response =
        handler.handleRequest(withAuthorization("Bearer " + token), null);

    assertThat(response.getIsAuthorized()).isTrue();
    assertThat(response.getContext())
        .containsOnly(Map.entry("userId", "user-123"), Map.entry("sessionId", sessionId));
    assertThat(auditLines).isEmpty();
  }

  @Test
  void theSchemeIsCaseInsensitive() throws IOException {
    String token = tokenOf("user-123");

    assertThat(authorized("bearer " + token)).isTrue();
    assertThat(authorized("BEARER  " + token)).isTrue();
  }

  @Test
  void theHeaderIsReadWhenNoIdentitySourceIsGiven() throws IOException {
    APIGatewayV2CustomAuthorizerEvent event = sample();
    event.setIdentitySource(null);
    event.getHeaders().put("authorization", "Bearer " + tokenOf("user-9"));

    assertThat(handler.handleRequest(event, null).getContext()).containsEntry("userId", "user-9");
  }

  @Test
  void aTokenForAnAccountThatDoesNotExistIsRefusedAndAudited() throws IOException {
    String sessionId = UUID.randomUUID().toString();
    sessions.start(new Session(sessionId, "ghost", NOW, NOW.plus(Duration.ofDays(7)), null));
    String token = issuer.issue("ghost", sessionId).token();

    APIGatewayV2CustomAuthorizerEvent event = withAuthorization("Bearer " + token);
    event.getHeaders().put("X-Correlation-Id", "corr-42");
    SimpleIAMPolicyResponse response = handler.handleRequest(event, null);

    assertThat(response.getIsAuthorized()).isFalse();
    assertThat(response.getContext()).isEmpty();
    assertThat(auditLines).singleElement().asString().doesNotContain(token);
    JsonNode line = new ObjectMapper().readTree(auditLines.get(0));
    assertThat(line.path("audit").asText()).isEqualTo("TOKEN_REFUSED");
    assertThat(line.path("reason").asText()).isEqualTo("NO_ACCOUNT");
    assertThat(line.path("userId").asText()).isEqualTo("ghost");
    assertThat(line.path("correlationId").asText()).isEqualTo("corr-42");
  }

  @Test
  void aTokenWhoseSessionWasRevokedOrNeverExistedIsRefused() throws IOException {
    String token = tokenOf("user-123");
    sessions.revoke("user-123", issuer.verify(token).sessionId(), NOW);
    String unknownSession = issuer.issue("user-123", "never-started").token();

    assertThat(authorized("Bearer " + token)).isFalse();
    assertThat(authorized("Bearer " + unknownSession)).isFalse();
    assertThat(auditLines)
        .satisfiesExactly(
            l -> assertThat(l).contains("SESSION_REVOKED"),
            l -> assertThat(l).contains("NO_SESSION"));
  }

  @Test
  void aSessionOfAnotherUserDoesNotAuthorize() throws IOException {
    String adasToken = tokenOf("ada");
    sessions.addAccount("bob");
    String bobWithAdasSession = issuer.issue("bob", issuer.verify(adasToken).sessionId()).token();

    assertThat(authorized("Bearer " + bobWithAdasSession)).isFalse();
  }

  @Test
  void aTokenIssuedBeforeSessionsExistedIsRefused() throws Exception {
    sessions.addAccount("user-123");
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(AccessTokens.ISSUER)
            .audience(AccessTokens.AUDIENCE)
            .subject("user-123")
            .jwtID("old-token")
            .issueTime(Date.from(NOW))
            .expirationTime(Date.from(NOW.plus(AccessTokens.LIFETIME)))
            .build();
    SignedJWT old =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims);
    old.sign(new MACSigner("a".repeat(64).getBytes(StandardCharsets.UTF_8)));

    assertThat(authorized("Bearer " + old.serialize())).isFalse();
    assertThat(auditLines).singleElement().asString().contains("MISSING_CLAIM");
  }

  @Test
  void aTokenIsRefusedTheMomentItExpiresEvenJustAfterBeingAccepted() throws IOException {
    String token = tokenOf("user-123");
    assertThat(authorized("Bearer " + token)).isTrue();

    clock.advance(AccessTokens.LIFETIME);

    assertThat(authorized("Bearer " + token)).isFalse();
    assertThat(auditLines).singleElement().asString().contains("EXPIRED").contains("user-123");
  }

  @Test
  void aTamperedTokenIsRefused() throws IOException {
    String[] parts = tokenOf("user-123").split("\\.");
    sessions.addAccount("user-456");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("user-123", "user-456");
    String forged = parts[0] + "." + base64(claims) + "." + parts[2];

    assertThat(authorized("Bearer " + forged)).isFalse();
  }

  @Test
  void anAlgNoneTokenIsRefused() throws IOException {
    String[] parts = tokenOf("user-123").split("\\.");
    String unsecured = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

    assertThat(authorized("Bearer " + unsecured)).isFalse();
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws IOException {
    String sessionId = issuer.verify(tokenOf("user-123")).sessionId();
    SigningKeys other = new SigningKeys(SigningKey.of("k1", "z".repeat(64)), List.of());
    String token = new AccessTokens(() -> other, clock).issue("user-123", sessionId).token();

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
    assertThat(auditLines).last().asString().contains("NO_BEARER_TOKEN");
  }

  @Test
  void whenTheKeysCannotBeReadTheRequestFailsInsteadOfPassing() throws IOException {
    AuthorizerHandler broken =
        new AuthorizerHandler(
            new Authenticator(
                new AccessTokens(
                    () -> {
                      throw new IllegalStateException("secrets manager unreachable");
                    },
                    clock),
                sessions,
                clock),
            new AuditLog(auditLines::add));

    String token = tokenOf("user-123");

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
