package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Starts a private moto server (not the shared one) to check start, reset, logging and stop. */
class MotoServerIT {

  @TempDir Path logs;

  @Test
  void startsAnswersResetsAndStops() throws Exception {
    MotoServer server = MotoServer.start(python(), logs);
    try {
      assertThat(server.isRunning()).isTrue();
      assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.description()).contains("moto 127.0.0.1:" + server.endpoint().getPort());
      assertThat(server.accountId()).isEqualTo("123456789012");
      assertThat(server.reset()).isTrue();
      assertThat(server.log()).exists().hasFileName("moto-" + server.endpoint().getPort() + ".log");
      HttpResponse<String> dashboard =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.endpoint().resolve("/moto-api/data.json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(dashboard.statusCode()).isEqualTo(200);
    } finally {
      server.close();
    }
    assertThat(server.isRunning()).isFalse();
    assertThat(Files.readString(server.log())).contains("/moto-api/reset");
  }

  @Test
  void onlyFailedCallsAndTheEmulatorsOwnApiAreLogged() throws Exception {
    MotoServer server = MotoServer.start(python(), logs);
    try (DynamoDbClient dynamo = PrivateMoto.dynamo(server.endpoint())) {
      assertThat(dynamo.listTables().tableNames()).isEmpty();
      assertThatThrownBy(() -> dynamo.describeTable(r -> r.tableName("missing")))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThat(server.reset()).isTrue();

      // Requests are logged in the order they are answered: once the reset is there, so is
      // every line the two calls before it left.
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> Files.readString(server.log()).contains("/moto-api/reset"));
      assertThat(Files.readAllLines(server.log()))
          .filteredOn(line -> line.contains("POST / HTTP"))
          .singleElement()
          .asString()
          .contains("\" 400 ");
    } finally {
      server.close();
    }
  }

  @Test
  void withTheCpuProfileOnTheServerSaysWhatEachActionTookPerTable() throws Exception {
    MotoServer server =
        MotoServer.start(
            python(), logs, Optional.empty(), Map.of("FINPILOT_EMULATOR_CPU_PROFILE", "1"));
    try (DynamoDbClient dynamo = PrivateMoto.dynamo(server.endpoint())) {
      dynamo.createTable(
          r ->
              r.tableName("profiled")
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                  .attributeDefinitions(
                      a -> a.attributeName("pk").attributeType(ScalarAttributeType.S)));
      for (int i = 0; i < 3; i++) {
        String pk = "item-" + i;
        dynamo.putItem(r -> r.tableName("profiled").item(Map.of("pk", AttributeValue.fromS(pk))));
      }

      JsonNode profile =
          new ObjectMapper()
              .readTree(
                  HttpClient.newHttpClient()
                      .send(
                          HttpRequest.newBuilder(
                                  server.endpoint().resolve("/moto-api/finpilot/cpu"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      JsonNode puts = null;
      for (JsonNode row : profile.get("actions")) {
        if (row.get("action").asText().equals("PutItem")) {
          puts = row;
        }
      }
      assertThat(puts).isNotNull();
      assertThat(puts.get("table").asText()).isEqualTo("profiled");
      assertThat(puts.get("requests").asInt()).isEqualTo(3);
      assertThat(puts.get("cpuSeconds").asDouble()).isPositive();
      assertThat(profile.get("processCpuSeconds").asDouble())
          .isGreaterThanOrEqualTo(profile.get("requestsCpuSeconds").asDouble());
    } finally {
      server.close();
    }
  }

  @Test
  void theServerEndsWithTheJvmThatStartedItEvenWhenThatJvmIsKilled() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MotoChild.class.getName(),
                python().toString(),
                logs.toString())
            .redirectErrorStream(true)
            .start();
    int port;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line = out.readLine();
      while (line != null && !line.startsWith("port=")) {
        line = out.readLine();
      }
      assertThat(line).as("the child JVM reports its moto port").isNotNull();
      port = Integer.parseInt(line.substring("port=".length()));
      assertThat(answers(port)).isTrue();
      child.destroyForcibly();
      child.waitFor();
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> !answers(port));
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static Path python() {
    return Required.orSkip(
        () ->
            MotoPython.find(System::getenv)
                .orElseThrow(
                    () ->
                        new BackendUnavailableException(
                            "moto is not installed here (pip install 'moto[server]')")),
        System::getenv);
  }
}
