package dev.finpilot.local;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.backend.MotoServer;
import dev.finpilot.testkit.backend.RestoredState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * What the local runtime keeps in its state directory across restarts: the emulator's journal of
 * every table's items and every queued message (see {@link RestoredState}), next to the signing
 * key. {@value #FRESH}=1 starts from empty tables and queues.
 */
final class LocalState {

  static final String FRESH = "FINPILOT_FRESH";

  private LocalState() {}

  /** Whether this start is to forget what earlier runs kept. */
  static boolean fresh(Map<String, String> environment) {
    String value = environment.get(FRESH);
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }

  /** Deletes the emulator's journal; the signing key stays, so no one's token needs renewing. */
  static boolean forget(Path stateDirectory) throws IOException {
    return Files.deleteIfExists(stateDirectory.resolve(MotoServer.STATE_FILE));
  }

  /** The size of what earlier runs kept, as " (12.3 MB)"; empty when they kept nothing. */
  static Optional<String> kept(Path stateDirectory) throws IOException {
    Path journal = stateDirectory.resolve(MotoServer.STATE_FILE);
    return Files.exists(journal) && Files.size(journal) > 0
        ? Optional.of(" (" + size(Files.size(journal)) + ")")
        : Optional.empty();
  }

  /** The line that tells the user what was restored and how to start afresh. */
  static String describe(Environment env, Path stateDirectory) {
    String afresh = " (" + FRESH + "=1 bin/local starts afresh)";
    if (env.restored().isEmpty()) {
      return "State: kept by the emulator at " + env.backend().endpoint();
    }
    RestoredState restored = env.restored().get();
    if (restored.items().isEmpty() && restored.messages().isEmpty()) {
      return "State: none yet; users, plans and ledgers will be kept in " + stateDirectory + afresh;
    }
    return String.format(
        "State: restored %d users, %d plans and %d queued messages from %s (%s, %d ms)%s",
        count(env, "UsersTable", "PROFILE"),
        count(env, "PlansTable", "META"),
        restored.messageCount(),
        stateDirectory,
        size(restored.bytes()),
        restored.took().toMillis(),
        afresh);
  }

  /** Items of the table whose sort key is {@code sk}: one per user (PROFILE), per plan (META). */
  static int count(Environment env, String tableLogicalId, String sk) {
    ScanRequest scan =
        ScanRequest.builder()
            .tableName(env.tableName(tableLogicalId))
            .filterExpression("sk = :sk")
            .expressionAttributeValues(Map.of(":sk", AttributeValue.fromS(sk)))
            .select(Select.COUNT)
            .build();
    return env.dynamoDb().scanPaginator(scan).stream().mapToInt(page -> page.count()).sum();
  }

  private static String size(long bytes) {
    return bytes < 1024 * 1024
        ? (bytes + 1023) / 1024 + " KB"
        : String.format("%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
