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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The whole stack of template.yaml on the emulator, driven as a client would drive it. */
final class RunningStack implements AutoCloseable {

  static final Set<String> FINAL = Set.of("ACTIVE", "REJECTED", "FAILED");

  final StackRuntime runtime;
  final Environment env;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

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

  /** A registered user: their id and the access token their requests carry. */
  record Session(String userId, String bearer, String sourceIp) {}

  /** Registers {@code name} once (each from an address of their own) and keeps the session. */
  Session user(String name) {
    return sessions.computeIfAbsent(
        name,
        n -> {
          String sourceIp = "198.51.100." + (sessions.size() + 1);
          APIGatewayV2HTTPResponse registered =
              runtime.invoke(
                  "POST",
                  "/v1/auth/register",
                  HttpApiEvents.post("/v1/auth/register")
                      .sourceIp(sourceIp)
                      .jsonBody(
                          Json.write(
                              Map.of(
                                  "email",
                                  n + "@example.com",
                                  "password",
                                  "correct horse battery staple",
                                  "displayName",
                                  n))));
          if (registered.getStatusCode() != 201) {
            throw new IllegalStateException("register " + n + ": " + registered.getBody());
          }
          JsonNode body = Json.readTree(registered.getBody());
          return new Session(
              body.path("user").path("userId").asText(),
              "Bearer " + body.path("accessToken").asText(),
              sourceIp);
        });
  }

  APIGatewayV2HTTPResponse submit(String user, JsonNode body, String correlationId) {
    return post(user, "/v1/plans", Json.write(body), correlationId);
  }

  /** A POST of {@code user}; a null body sends none. */
  APIGatewayV2HTTPResponse post(String user, String path, String json, String correlationId) {
    Session session = user(user);
    HttpApiEvents.Builder request =
        HttpApiEvents.post(path)
            .sourceIp(session.sourceIp())
            .header("authorization", session.bearer())
            .header("x-correlation-id", correlationId);
    return runtime.invoke("POST", path, json == null ? request : request.jsonBody(json));
  }

  JsonNode get(String user, String path) {
    Session session = user(user);
    return Json.readTree(
        runtime
            .invoke(
                "GET",
                // Routes match the path alone, as API Gateway matches them.
                path.split("\\?", 2)[0],
                HttpApiEvents.get(path)
                    .sourceIp(session.sourceIp())
                    .header("authorization", session.bearer()))
            .getBody());
  }

  /** Polls the plan as a client would until it reaches a final state. */
  JsonNode awaitFinal(String user, String planId, Duration patience) {
    return awaitPlan(user, planId, patience, plan -> FINAL.contains(plan.path("status").asText()));
  }

  /** Polls the plan as a client would until it satisfies {@code condition}. */
  JsonNode awaitPlan(String user, String planId, Duration patience, Predicate<JsonNode> condition) {
    String path = "/v1/plans/" + planId;
    return await()
        .atMost(patience)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> get(user, path), condition);
  }

  @Override
  public void close() {
    runtime.close();
  }
}
