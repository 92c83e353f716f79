package dev.finpilot.functions.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.Authenticator;
import dev.finpilot.auth.InMemorySessionStore;
import dev.finpilot.auth.Session;
import dev.finpilot.auth.SigningKey;
import dev.finpilot.auth.SigningKeys;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.WebSocketConnections;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code $connect} and {@code $disconnect} on the sample events of {@code events/realtime/}, with
 * fixed keys and clock, against the connections table on the emulator.
 */
@WithAwsBackend
class RealtimeHandlerIT {
  private static final Instant NOW = Instant.parse("2026-03-02T14:05:08Z");
  private static final SigningKeys KEYS =
      new SigningKeys(SigningKey.of("k1", "a".repeat(64)), List.of());

  private final Environment env;
  private final AccessTokens issuer = tokensAt(NOW);
  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final List<String> auditLines = new ArrayList<>();
  private String table;
  private WebSocketConnections connections;
  private RealtimeHandler handler;
  private String user;

  RealtimeHandlerIT(Environment env) {
    this.env = env;
  }

  @BeforeEach
  void wire() {
    table = env.tableName("ConnectionsTable");
    connections = connectionsAt(NOW);
    handler = handlerAt(tokensAt(NOW));
    user = "user-" + UUID.randomUUID();
  }

  @Test
  void aValidTokenInTheQueryStringOpensTheConnectionForTwoHours() throws IOException {
    String sessionId = session(user);
    APIGatewayV2WebSocketEvent connect =
        connect("conn-q", Map.of("token", issuer.issue(user, sessionId).token()), Map.of());

    assertThat(status(connect)).isEqualTo(200);
    assertThat(connections.openFor(user)).containsExactly("conn-q");
    Map<String, AttributeValue> item = item("USER#" + user, "CONN#conn-q");
    assertThat(item.get("sessionId").s()).as("ending the session closes it").isEqualTo(sessionId);
    assertThat(item.get("expiresAt").n())
        .isEqualTo(Long.toString(NOW.plus(Duration.ofHours(2)).getEpochSecond()));
    assertThat(item("CONN#conn-q", "OWNER").get("userId").s()).isEqualTo(user);
    assertThat(connectionsAt(NOW.plus(Duration.ofHours(2))).openFor(user))
        .as("expired, even before DynamoDB's TTL deletes it")
        .isEmpty();
  }

  @Test
  void aBearerHeaderIsAcceptedWhenTheQueryStringHasNoToken() throws IOException {
    APIGatewayV2WebSocketEvent connect =
        connect("conn-h", Map.of(), Map.of("Authorization", "Bearer " + token(user)));

    assertThat(status(connect)).isEqualTo(200);
    assertThat(connections.openFor(user)).containsExactly("conn-h");
  }

  @Test
  void missingExpiredTamperedAndUnsignedTokensAreRefusedAndNothingIsStored() throws IOException {
    String valid = token(user);
    String[] parts = valid.split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace(user, "someone-else");
    Map<String, String> refused =
        Map.of(
            "expired",
            tokensAt(NOW.minus(Duration.ofMinutes(16))).issue(user, session(user)).token(),
            "no account",
            issuer.issue("ghost-" + UUID.randomUUID(), "s").token(),
            "no session",
            issuer.issue(user, "never-started").token(),
            "tampered",
            parts[0] + "." + base64(claims) + "." + parts[2],
            "alg none",
            base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".",
            "other key",
            new AccessTokens(
                    () -> new SigningKeys(SigningKey.of("k1", "z".repeat(64)), List.of()),
                    Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(user, session(user))
                .token(),
            "blank",
            " ");

    for (Map.Entry<String, String> token : refused.entrySet()) {
      assertThat(status(connect("conn-x", Map.of("token", token.getValue()), Map.of())))
          .as(token.getKey())
          .isEqualTo(401);
    }
    assertThat(auditLines)
        .anyMatch(l -> l.contains("NO_ACCOUNT"))
        .anyMatch(l -> l.contains("NO_SESSION") && l.contains(user))
        .allMatch(l -> l.contains("TOKEN_REFUSED") && l.contains("conn-x"))
        .noneMatch(l -> refused.values().stream().anyMatch(t -> !t.isBlank() && l.contains(t)));
    assertThat(status(connect("conn-x", Map.of(), Map.of("Authorization", "Basic dTpw"))))
        .isEqualTo(401);
    APIGatewayV2WebSocketEvent bare = connect("conn-x", Map.of(), Map.of());
    bare.setQueryStringParameters(null);
    assertThat(status(bare)).isEqualTo(401);
    assertThat(connections.openFor(user)).isEmpty();
    assertThat(connections.openFor("someone-else")).isEmpty();
  }

  @Test
  void theSampleConnectEventCarriesAnInvalidTokenAndIsRefused() throws IOException {
    assertThat(status(sample("connect.json"))).isEqualTo(401);
  }

  @Test
  void disconnectForgetsTheConnectionAndBothOfItsItems() throws IOException {
    String connectionId = sample("disconnect.json").getRequestContext().getConnectionId();
    assertThat(status(connect(connectionId, Map.of("token", token(user)), Map.of())))
        .isEqualTo(200);
    connections.open(user, "conn-other");

    assertThat(status(sample("disconnect.json"))).isEqualTo(200);

    assertThat(connections.openFor(user)).containsExactly("conn-other");
    assertThat(item("CONN#" + connectionId, "OWNER")).isEmpty();
  }

  @Test
  void disconnectingAnUnknownConnectionIsHarmless() throws IOException {
    APIGatewayV2WebSocketEvent disconnect = sample("disconnect.json");
    disconnect.getRequestContext().setConnectionId("never-connected");

    assertThat(status(disconnect)).isEqualTo(200);
  }

  @Test
  void otherRoutesAreRefused() throws IOException {
    APIGatewayV2WebSocketEvent message = sample("connect.json");
    message.getRequestContext().setRouteKey("$default");

    assertThat(status(message)).isEqualTo(400);
  }

  @Test
  void whenTheKeysCannotBeReadTheHandshakeFailsInsteadOfPassing() throws IOException {
    RealtimeHandler broken =
        handlerAt(
            new AccessTokens(
                () -> {
                  throw new IllegalStateException("secrets manager unreachable");
                },
                Clock.fixed(NOW, ZoneOffset.UTC)));
    APIGatewayV2WebSocketEvent connect = connect("conn-k", Map.of("token", token(user)), Map.of());

    assertThatThrownBy(() -> broken.handleRequest(connect, null))
        .isInstanceOf(IllegalStateException.class);
    assertThat(connections.openFor(user)).isEmpty();
  }

  @Test
  void theLambdaConstructorReadsTheKeyFromTheTemplatesSecret() throws IOException {
    RealtimeHandler fromTemplate =
        new RealtimeHandler(new FunctionEnvironment(env.functionEnv("RealtimeFunction")));

    assertThat(fromTemplate.handleRequest(sample("connect.json"), null).getStatusCode())
        .isEqualTo(401);
  }

  private int status(APIGatewayV2WebSocketEvent event) {
    APIGatewayV2WebSocketResponse response = handler.handleRequest(event, null);
    return response.getStatusCode();
  }

  private RealtimeHandler handlerAt(AccessTokens tokens) {
    return new RealtimeHandler(
        new Authenticator(tokens, sessions, Clock.fixed(NOW, ZoneOffset.UTC)),
        connections,
        new AuditLog(auditLines::add));
  }

  /** A live session of the user's account. */
  private String session(String userId) {
    sessions.addAccount(userId);
    String sessionId = UUID.randomUUID().toString();
    sessions.start(new Session(sessionId, userId, NOW, NOW.plus(Duration.ofDays(7)), null));
    return sessionId;
  }

  private String token(String userId) {
    return issuer.issue(userId, session(userId)).token();
  }

  private Map<String, AttributeValue> item(String pk, String sk) {
    return env.dynamoDb()
        .getItem(
            r ->
                r.tableName(table)
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
        .item();
  }

  private WebSocketConnections connectionsAt(Instant instant) {
    return new WebSocketConnections(env.dynamoDb(), table, Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static AccessTokens tokensAt(Instant instant) {
    return new AccessTokens(() -> KEYS, Clock.fixed(instant, ZoneOffset.UTC));
  }

  private static APIGatewayV2WebSocketEvent connect(
      String connectionId, Map<String, String> query, Map<String, String> headers)
      throws IOException {
    APIGatewayV2WebSocketEvent event = sample("connect.json");
    event.getRequestContext().setConnectionId(connectionId);
    event.setQueryStringParameters(new HashMap<>(query));
    Map<String, String> merged = new HashMap<>(event.getHeaders());
    merged.putAll(headers);
    event.setHeaders(merged);
    return event;
  }

  private static APIGatewayV2WebSocketEvent sample(String name) throws IOException {
    return new ObjectMapper()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .readValue(
            Files.readString(repositoryFile("events/realtime/" + name)),
            APIGatewayV2WebSocketEvent.class);
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
