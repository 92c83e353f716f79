package dev.finpilot.local;

import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.http.HttpApiEvents;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** The whole stack of template.yaml on the emulator, driven as a client would drive it. */
final class RunningStack implements AutoCloseable {

  static final Set<String> FINAL = Set.of("ACTIVE", "REJECTED", "FAILED");

  final StackRuntime runtime;
  final Environment env;

  RunningStack(Environment env, int pollersPerTrigger) {
    this.env = env;
    this.runtime =
        StackRuntime.start(env, SamTemplate.read(TemplateLocator.locate()), pollersPerTrigger);
  }

  /** The sample request of events/api/create-plan.json, as a mutable tree. */
  static ObjectNode sampleRequest() {
    Path event = TemplateLocator.locate().resolveSibling("events/api/create-plan.json");
    try {
      JsonNode sample = Json.mapper().readTree(Files.readString(event));
      return (ObjectNode) Json.mapper().readTree(sample.get("body").asText());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + event, e);
    }
  }

  APIGatewayV2HTTPResponse submit(String userId, JsonNode body, String correlationId) {
    return runtime.invoke(
        "POST",
        "/v1/plans",
        HttpApiEvents.post("/v1/plans")
            .identity(userId)
            .header("x-correlation-id", correlationId)
            .jsonBody(Json.write(body)));
  }

  JsonNode get(String userId, String path) {
    return Json.readTree(
        runtime.invoke("GET", path, HttpApiEvents.get(path).identity(userId)).getBody());
  }

  /** Polls the plan as a client would until it reaches a final state. */
  JsonNode awaitFinal(String userId, String planId, Duration patience) {
    String path = "/v1/plans/" + planId;
    return await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(userId, path), plan -> FINAL.contains(plan.path("status").asText()));
  }

  @Override
  public void close() {
    runtime.close();
  }
}
