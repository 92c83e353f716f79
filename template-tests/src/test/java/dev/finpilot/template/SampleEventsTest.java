package dev.finpilot.template;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.testkit.template.SamTemplate;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample events in {@code events/} load as the Lambda event types the handlers receive, tell
 * one plan's story with one correlation id, and are listed in the events README.
 */
class SampleEventsTest {

  private static final String PLAN_ID = "3f6c1d2e-8a4b-4c9d-9e7f-1a2b3c4d5e6f";
  private static final String CORRELATION_ID = "9b2e4f6a-1c3d-4e5f-8a7b-6c5d4e3f2a1b";
  private static final String USER_ID = "user-123";
  private static final List<String> ENVELOPE_FIELDS =
      List.of(
          "messageId",
          "type",
          "planId",
          "planVersion",
          "userId",
          "payload",
          "createdAt",
          "schemaVersion");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SamTemplate template = Project.template();

  @Test
  void everyFunctionHasAtLeastOneSampleEvent() throws IOException {
    for (Contract.Function f : Contract.FUNCTIONS) {
      assertThat(eventFiles(f)).as("events/%s/*.json", f.module()).isNotEmpty();
    }
  }

  @Test
  void apiEventsLoadAsHttpApiPayload2EventsForDeclaredRoutes() throws IOException {
    List<String> routes =
        template.events("ApiFunction", "HttpApi").values().stream()
            .map(e -> e.get("Method") + " " + e.get("Path"))
            .toList();
    for (Path file : eventFiles(Contract.function("ApiFunction"))) {
      APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(file.toString());
      assertThat(event.getVersion()).as("%s", file).isEqualTo("2.0");
      assertThat(routes).as("%s", file).contains(event.getRouteKey());
      assertThat(event.getRequestContext().getRouteKey()).isEqualTo(event.getRouteKey());
      assertThat(event.getHeaders())
          .as("%s", file)
          .containsEntry("x-correlation-id", CORRELATION_ID);
    }
  }

  @Test
  void authenticatedApiEventsCarryTheUserOnlyInTheLambdaAuthorizerContext() {
    for (String name : List.of("create-plan.json", "get-plan.json")) {
      APIGatewayV2HTTPEvent event = apiEvent(name);
      assertThat(event.getRequestContext().getAuthorizer().getLambda())
          .as(name)
          .containsEntry("userId", USER_ID);
    }
    for (String name : List.of("create-plan-unauthenticated.json", "health.json")) {
      assertThat(apiEvent(name).getRequestContext().getAuthorizer()).as(name).isNull();
    }
  }

  @Test
  void createPlanCarriesAJsonBodyWithFinancialStateAndGoals() throws IOException {
    APIGatewayV2HTTPEvent event = apiEvent("create-plan.json");

    assertThat(event.getHeaders()).containsEntry("content-type", "application/json");
    JsonNode body = JSON.readTree(event.getBody());
    assertThat(body.path("state").path("age").asInt()).isPositive();
    assertThat(body.path("goals").isArray()).isTrue();
    assertThat(body.path("goals")).isNotEmpty();
    assertThat(apiEvent("create-plan-unauthenticated.json").getBody()).isEqualTo(event.getBody());
    assertThat(apiEvent("get-plan.json").getPathParameters()).containsEntry("planId", PLAN_ID);
  }

  @Test
  void sqsEventsCarryTheEnvelopeAndTheMessageAttributesOfOnePlan() throws IOException {
    for (Contract.Function f : Contract.queueConsumers()) {
      String queue = f.queue().orElseThrow();
      for (Path file : eventFiles(f)) {
        SQSEvent event = EventLoader.loadSQSEvent(file.toString());
        assertThat(event.getRecords()).as("%s", file).isNotEmpty();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
          checkRecord(file, queue, message);
        }
      }
    }
  }

  @Test
  void readmeListsEveryEventWithItsSamLocalInvokeCommand() throws IOException {
    String readme = Files.readString(Project.file("events/README.md"), UTF_8);
    for (Contract.Function f : Contract.FUNCTIONS) {
      for (Path file : eventFiles(f)) {
        String relative = Project.file("events").relativize(file).toString().replace('\\', '/');
        assertThat(readme).as("README row for %s", relative).contains("`" + relative + "`");
        assertThat(readme).contains("sam local invoke " + f.logicalId() + " -e events/" + relative);
      }
    }
  }

  private static void checkRecord(Path file, String queue, SQSEvent.SQSMessage message)
      throws IOException {
    String where = file.getFileName().toString();
    assertThat(message.getEventSource()).as(where).isEqualTo("aws:sqs");
    assertThat(message.getEventSourceArn()).as(where).contains(queue);
    assertThat(message.getAttributes()).as(where).containsKey("ApproximateReceiveCount");
    assertThat(message.getMd5OfBody()).as(where).isEqualTo(md5(message.getBody()));

    JsonNode envelope = JSON.readTree(message.getBody());
    for (String field : ENVELOPE_FIELDS) {
      assertThat(envelope.has(field)).as("%s envelope field %s", where, field).isTrue();
    }
    assertThat(envelope.get("schemaVersion").asInt()).as(where).isEqualTo(1);
    assertThat(envelope.get("planId").asText()).as(where).isEqualTo(PLAN_ID);
    assertThat(envelope.get("userId").asText()).as(where).isEqualTo(USER_ID);
    String type = envelope.get("type").asText();
    assertThat(Contract.MESSAGE_TYPES_BY_QUEUE.get(queue)).as(where).contains(type);

    Map<String, SQSEvent.MessageAttribute> attributes = message.getMessageAttributes();
    assertThat(attributes).as(where).containsOnlyKeys(Contract.MESSAGE_ATTRIBUTES);
    attributes.forEach(
        (name, attribute) -> assertThat(attribute.getDataType()).as(name).isEqualTo("String"));
    assertThat(attributes.get("correlationId").getStringValue()).isEqualTo(CORRELATION_ID);
    assertThat(attributes.get("planId").getStringValue()).isEqualTo(PLAN_ID);
    assertThat(attributes.get("messageType").getStringValue()).isEqualTo(type);
    assertThat(attributes.get("causationId").getStringValue())
        .isNotEqualTo(envelope.get("messageId").asText());
  }

  private static APIGatewayV2HTTPEvent apiEvent(String name) {
    return EventLoader.loadApiGatewayHttpEvent(Project.file("events/api/" + name).toString());
  }

  private static List<Path> eventFiles(Contract.Function f) throws IOException {
    Path dir = Project.file("events/" + f.module());
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static String md5(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(UTF_8));
      return String.format("%032x", new BigInteger(1, digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides MD5", e);
    }
  }
}
