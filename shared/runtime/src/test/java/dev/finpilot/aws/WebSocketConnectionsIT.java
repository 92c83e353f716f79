package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The open WebSocket connections in the template's connections table. */
@WithAwsBackend
class WebSocketConnectionsIT {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

  private final Environment env;
  private final WebSocketConnections connections;
  private final String owner = "user-" + UUID.randomUUID();

  WebSocketConnectionsIT(Environment env) {
    this.env = env;
    this.connections = at(NOW);
  }

  @Test
  void aUsersOpenConnectionsAreListedAndAClosedOneIsForgottenByItsIdAlone() {
    connections.open(owner, "c-1");
    connections.open(owner, "c-2");
    connections.open("someone-else", "c-3");

    assertThat(connections.openFor(owner)).containsExactlyInAnyOrder("c-1", "c-2");

    connections.close("c-1");
    connections.close("never-opened");

    assertThat(connections.openFor(owner)).containsExactly("c-2");
    assertThat(connections.openFor("someone-else")).containsExactly("c-3");
  }

  @Test
  void aConnectionReportedGoneIsRemovedForItsUser() {
    connections.open(owner, "c-1");

    connections.remove(owner, "c-1");

    assertThat(connections.openFor(owner)).isEmpty();
  }

  @Test
  void aConnectionOlderThanApiGatewaysLimitIsNotListedBeforeTheTableDeletesIt() {
    at(NOW.minus(WebSocketConnections.LIFETIME).minus(Duration.ofMinutes(1))).open(owner, "stale");
    connections.open(owner, "fresh");

    assertThat(connections.openFor(owner)).containsExactly("fresh");
  }

  @Test
  void theTableIsNamedByTheFunctionsEnvironment() {
    WebSocketConnections fromEnvironment =
        WebSocketConnections.fromEnvironment(
            new FunctionEnvironment(
                Map.of(WebSocketConnections.TABLE_VARIABLE, env.tableName("ConnectionsTable"))),
            env.dynamoDb(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    connections.open(owner, "c-1");

    assertThat(fromEnvironment.openFor(owner)).containsExactly("c-1");
  }

  private WebSocketConnections at(Instant instant) {
    return new WebSocketConnections(
        env.dynamoDb(), env.tableName("ConnectionsTable"), Clock.fixed(instant, ZoneOffset.UTC));
  }
}
