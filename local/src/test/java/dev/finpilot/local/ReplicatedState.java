package dev.finpilot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.backend.AwsClients;
import dev.finpilot.testkit.backend.MotoPython;
import dev.finpilot.testkit.backend.MotoServer;
import dev.finpilot.testkit.backend.RestoredState;
import dev.finpilot.testkit.backend.SdkSettings;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.StackContext;
import dev.finpilot.testkit.template.TemplateLocator;
import dev.finpilot.testkit.template.TemplateProvisioner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A large local state made from a real one: every item the running stack's tables hold, written as
 * the emulator's journal (docs/testkit.md) {@code copies} times over, each copy with its own plan,
 * user and message ids and e-mail addresses, so restore can be timed at a size a load run would
 * take too long to build. The items themselves (versions with their projections, history, ledgers)
 * are the ones the stack wrote.
 */
final class ReplicatedState {

  private static final Pattern IDS =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|load-\\d+");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<String> lines = new ArrayList<>();
  private final Map<String, Integer> items = new HashMap<>();

  private ReplicatedState() {}

  /** The stack's items, each as a journal line of an item image. */
  static ReplicatedState of(Environment env) throws IOException, InterruptedException {
    ReplicatedState state = new ReplicatedState();
    for (String table : env.dynamoDb().listTables().tableNames()) {
      if (!table.startsWith(env.stackName() + "-")) {
        continue;
      }
      List<String> keys =
          env.dynamoDb().describeTable(r -> r.tableName(table)).table().keySchema().stream()
              .map(KeySchemaElement::attributeName)
              .toList();
      for (JsonNode item : scan(env.backend().endpoint(), table)) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("op", "item").put("region", SdkSettings.region()).put("table", table);
        ObjectNode key = line.putObject("key");
        keys.forEach(name -> key.set(name, item.get(name)));
        line.set("item", item);
        state.lines.add(Json.write(line));
        state.items.merge(table, 1, Integer::sum);
      }
    }
    return state;
  }

  /** Items of one table (physical name) in one copy. */
  int items(String table) {
    return items.getOrDefault(table, 0);
  }

  /** Writes {@code copies} copies of the items as the journal of {@code directory}. */
  Path write(Path directory, int copies) throws IOException {
    Files.createDirectories(directory);
    Path journal = directory.resolve(MotoServer.STATE_FILE);
    try (BufferedWriter out = Files.newBufferedWriter(journal, StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < copies; copy++) {
        Map<String, String> renamed = new HashMap<>();
        for (String line : lines) {
          out.write(copy == 0 ? line : rename(line, copy, renamed));
          out.newLine();
        }
      }
    }
    return journal;
  }

  /**
   * Starts an emulator of its own on {@code directory}, provisions the stack's tables and queues
   * there as the local runtime does, and restores the journal.
   */
  static RestoredState restore(Environment env, Path directory, Path logs) {
    Path python = MotoPython.find(System::getenv).orElseThrow();
    try (MotoServer server = MotoServer.start(python, logs, Optional.of(directory));
        DynamoDbClient dynamo =
            DynamoDbClient.builder().endpointOverride(server.endpoint()).build();
        SqsClient sqs = SqsClient.builder().endpointOverride(server.endpoint()).build();
        SecretsManagerClient secrets =
            SecretsManagerClient.builder().endpointOverride(server.endpoint()).build()) {
      new TemplateProvisioner(new AwsClients(sqs, dynamo, secrets))
          .provision(
              SamTemplate.read(TemplateLocator.locate()),
              new StackContext(env.stackName(), SdkSettings.region(), server.accountId()));
      return server.restoreState().orElseThrow();
    }
  }

  private static String rename(String line, int copy, Map<String, String> renamed) {
    Matcher id = IDS.matcher(line);
    StringBuilder out = new StringBuilder(line.length());
    while (id.find()) {
      String original = id.group();
      id.appendReplacement(
          out,
          renamed.computeIfAbsent(
              original,
              o ->
                  o.startsWith("load-")
                      ? o + "-copy" + copy
                      : UUID.nameUUIDFromBytes((copy + "/" + o).getBytes(StandardCharsets.UTF_8))
                          .toString()));
    }
    id.appendTail(out);
    return out.toString();
  }

  /** Every item of a table in DynamoDB's own JSON, as the emulator answers a Scan. */
  private static List<JsonNode> scan(URI endpoint, String table)
      throws IOException, InterruptedException {
    List<JsonNode> items = new ArrayList<>();
    ObjectNode request = Json.mapper().createObjectNode().put("TableName", table);
    while (true) {
      HttpResponse<String> page =
          HTTP.send(
              HttpRequest.newBuilder(endpoint)
                  .header("Content-Type", "application/x-amz-json-1.0")
                  .header("X-Amz-Target", "DynamoDB_20120810.Scan")
                  .header(
                      "Authorization",
                      "AWS4-HMAC-SHA256 Credential=local/20260101/"
                          + SdkSettings.region()
                          + "/dynamodb/aws4_request,"
                          + " SignedHeaders=host, Signature=0")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.write(request)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode answer = Json.readTree(page.body());
      answer.path("Items").forEach(items::add);
      if (!answer.has("LastEvaluatedKey")) {
        return items;
      }
      request.set("ExclusiveStartKey", answer.get("LastEvaluatedKey"));
    }
  }
}
