package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The constructor Lambda, the local runner and the integration tests use: real DynamoDB and SQS
 * adapters from an environment map. Here the SDK endpoint is a closed local port, so the wiring is
 * exercised without an emulator and every dependency reports down.
 */
class ApiHandlerWiringTest {
  private static final Map<String, String> SDK_SETTINGS =
      Map.of(
          "aws.region", "us-east-1",
          "aws.accessKeyId", "test",
          "aws.secretAccessKey", "test");

  private final Map<String, String> previous = new java.util.HashMap<>();

  @BeforeEach
  void pointTheSdkAtAClosedPort() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> settings = new java.util.HashMap<>(SDK_SETTINGS);
    settings.put("aws.endpointUrl", "http://127.0.0.1:" + closedPort);
    settings.forEach(
        (k, v) -> {
          previous.put(k, System.getProperty(k));
          System.setProperty(k, v);
        });
  }

  @AfterEach
  void restore() {
    previous.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }

  @Test
  void theHealthCheckReportsUnreachableDependenciesAs503() {
    FunctionEnvironment env =
        new FunctionEnvironment(
            Map.ofEntries(
                Map.entry("PLANS_TABLE", "finpilot-plans"),
                Map.entry("LEDGER_TABLE", "finpilot-ledger"),
                Map.entry("MARKET_DATA_TABLE", "finpilot-market-data"),
                Map.entry("IDEMPOTENCY_TABLE", "finpilot-idempotency"),
                Map.entry("USERS_TABLE", "finpilot-users"),
                Map.entry("RATE_LIMIT_TABLE", "finpilot-rate-limits"),
                Map.entry("CONNECTIONS_TABLE", "finpilot-connections"),
                Map.entry("WEBSOCKET_ENDPOINT", "https://ws.example.invalid/dev"),
                Map.entry(
                    "JWT_SIGNING_KEY_SECRET_ARN",
                    "arn:aws:secretsmanager:us-east-1:000000000000:secret:jwt"),
                Map.entry("WORKFLOW_QUEUE_URL", "http://127.0.0.1:1/000000000000/workflow"),
                Map.entry(
                    "WORKFLOW_DEAD_LETTER_QUEUE_URL",
                    "http://127.0.0.1:1/000000000000/workflow-dlq")));
    ApiHandler handler = new ApiHandler(env);
    try {
      APIGatewayV2HTTPResponse response =
          handler.handleRequest(ApiEvents.load("health.json"), null);

      assertThat(response.getStatusCode()).isEqualTo(503);
      assertThat(Json.readTree(response.getBody()).path("checks").path("dynamodb").asText())
          .isEqualTo("error");
      assertThat(
              Json.readTree(response.getBody())
                  .path("checks")
                  .path("queues")
                  .path("workflow")
                  .path("status")
                  .asText())
          .isEqualTo("error");
    } finally {
      handler.getApplicationContext().close();
    }
  }
}
