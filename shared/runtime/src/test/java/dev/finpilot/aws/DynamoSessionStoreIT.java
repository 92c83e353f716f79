package dev.finpilot.aws;

import static dev.finpilot.aws.Items.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.auth.Session;
import dev.finpilot.auth.SessionStore.Standing;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Sessions in the template's users table, next to the account they belong to. */
@WithAwsBackend
class DynamoSessionStoreIT {
  private static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");
  private static final Instant END = NOW.plus(Duration.ofDays(7));

  private final DynamoDbClient dynamo;
  private final String table;
  private final DynamoSessionStore store;
  private final String userId = "user-" + UUID.randomUUID();

  DynamoSessionStoreIT(Environment env) {
    this.dynamo = env.dynamoDb();
    this.table = env.tableName("UsersTable");
    this.store = new DynamoSessionStore(dynamo, table);
  }

  private void createAccount(String user) {
    Map<String, AttributeValue> profile = new HashMap<>(DynamoSessionStore.profileKey(user));
    profile.put("userId", s(user));
    dynamo.putItem(r -> r.tableName(table).item(profile));
  }

  private Session started(String sessionId) {
    Session session = new Session(sessionId, userId, NOW, END, null);
    store.start(session);
    return session;
  }

  @Test
  void theStandingNamesTheAccountAndTheSessionReadTogether() {
    Session session = started("s-1");
    assertThat(store.standing(userId, "s-1")).isEqualTo(new Standing(false, Optional.of(session)));

    createAccount(userId);

    assertThat(store.standing(userId, "s-1").accountExists()).isTrue();
    assertThat(store.standing(userId, "s-2").session()).isEmpty();
    assertThat(store.standing("someone-else", "s-1").session())
        .as("a session is found only through its own user")
        .isEmpty();
  }

  @Test
  void extendingMovesTheEndOfALiveSessionOnly() {
    started("s-1");
    Instant later = END.plus(Duration.ofDays(1));

    assertThat(store.extend(userId, "s-1", NOW, later)).isTrue();
    assertThat(store.standing(userId, "s-1").session().orElseThrow().expiresAt()).isEqualTo(later);
    assertThat(store.extend(userId, "s-1", later, later.plusSeconds(60))).as("run out").isFalse();
    assertThat(store.extend(userId, "unknown", NOW, later)).isFalse();

    store.revoke(userId, "s-1", NOW);
    assertThat(store.extend(userId, "s-1", NOW, later)).as("revoked").isFalse();
  }

  @Test
  void revokingKeepsTheRecordAndTheFirstRevocationTime() {
    started("s-1");

    assertThat(store.revoke(userId, "s-1", NOW)).isTrue();
    assertThat(store.revoke(userId, "s-1", NOW.plusSeconds(5))).isTrue();
    assertThat(store.revoke(userId, "unknown", NOW)).isFalse();

    Session revoked = store.standing(userId, "s-1").session().orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(NOW);
    assertThat(revoked.expiresAt()).isEqualTo(END);
  }

  @Test
  void revokingAllEndsEverySessionOfTheUserAndNoOneElses() {
    IntStream.range(0, 3).forEach(i -> started("s-" + i));
    store.revoke(userId, "s-0", NOW);
    String other = "user-" + UUID.randomUUID();
    store.start(new Session("s-x", other, NOW, END, null));

    assertThat(store.revokeAll(userId, NOW.plusSeconds(1))).containsExactlyInAnyOrder("s-1", "s-2");

    assertThat(store.standing(userId, "s-2").session().orElseThrow().revokedAt())
        .isEqualTo(NOW.plusSeconds(1));
    assertThat(store.standing(other, "s-x").session().orElseThrow().revokedAt()).isNull();
    assertThat(store.revokeAll(userId, NOW.plusSeconds(2))).isEmpty();
  }
}
