package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.backend.BackendUnavailableException;
import dev.finpilot.testkit.backend.MotoPython;
import dev.finpilot.testkit.backend.Required;
import dev.finpilot.testkit.template.TemplateLocator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime as a user runs it, in a process of its own: it serves the WebSocket API (a plan
 * followed to ACTIVE over a socket, a bad token refused at the handshake), keeps users and plans
 * across a {@code kill -9} (a plan in flight at the kill still reaches ACTIVE after the restart),
 * says what it restored, and leaves nothing running once stopped.
 */
class LocalRuntimeIT {

  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path home;

  @BeforeAll
  static void motoIsInstalled() {
    Required.orSkip(
        () ->
            MotoPython.find(System::getenv)
                .orElseThrow(() -> new BackendUnavailableException("moto is not installed here")),
        System::getenv);
  }

  @Test
  void servesLiveUpdatesKeepsItsStateThroughAKillAndLeavesNothingRunning() throws Exception {
    int httpPort = LocalRuntimeProcess.freePort();
    int webSocketPort = LocalRuntimeProcess.freePort();
    LocalRuntimeProcess first = LocalRuntimeProcess.start(home, httpPort, webSocketPort);
    assertThat(first.output())
        .contains("State: none yet")
        .contains("API:       http://127.0.0.1:" + httpPort)
        .contains("Docs:      http://127.0.0.1:" + httpPort + "/docs")
        .contains("WebSocket: ws://127.0.0.1:" + webSocketPort + "/?token=<access token>");
    HttpResponse<String> root = send(first, "GET", "/", null, null);
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("location")).hasValue("/docs");

    String token =
        Json.readTree(
                send(
                        first,
                        "POST",
                        "/v1/auth/register",
                        null,
                        "{\"email\":\"ada@example.com\",\"password\":\"correct horse battery"
                            + " staple\",\"displayName\":\"Ada\"}")
                    .body())
            .path("accessToken")
            .asText();
    assertThatThrownBy(() -> connect(first, "not-a-token", new CopyOnWriteArrayList<>()))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class);

    List<JsonNode> pushed = new CopyOnWriteArrayList<>();
    WebSocket socket = connect(first, token, pushed);
    String followed = submit(first, token);
    await()
        .atMost(PATIENCE)
        .until(() -> pushed.stream().anyMatch(m -> m.path("status").asText().equals("ACTIVE")));
    assertThat(pushed).allSatisfy(m -> assertThat(m.path("planId").asText()).isEqualTo(followed));
    assertThat(pushed)
        .extracting(m -> m.path("status").asText())
        .containsSubsequence("RETRIEVING", "PLANNING", "VERIFYING", "EXECUTING", "ACTIVE");
    assertThat(pushed).extracting(m -> m.path("revision").asLong()).isSorted();
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();

    String inFlight = submit(first, token);
    int firstMoto = first.motoPort();
    first.kill();
    await().atMost(Duration.ofSeconds(30)).until(() -> !LocalRuntimeProcess.answers(firstMoto));

    LocalRuntimeProcess second = LocalRuntimeProcess.start(home, httpPort, webSocketPort);
    try {
      assertThat(second.output()).contains("State: restored 1 users, 2 plans");
      assertThat(status(second, token, followed)).isEqualTo("ACTIVE");
      await().atMost(PATIENCE).until(() -> status(second, token, inFlight).equals("ACTIVE"));
    } finally {
      int secondMoto = second.motoPort();
      assertThat(second.stop()).as("exit status after SIGTERM").isIn(0, 130, 143);
      assertThat(LocalRuntimeProcess.answers(secondMoto)).as("moto stopped").isFalse();
      assertThat(LocalRuntimeProcess.answers(httpPort)).as("HTTP API stopped").isFalse();
      assertThat(LocalRuntimeProcess.answers(webSocketPort)).as("WebSocket API stopped").isFalse();
    }
  }

  private static WebSocket connect(LocalRuntimeProcess runtime, String token, List<JsonNode> into)
      throws Exception {
    return HTTP.newWebSocketBuilder()
        .buildAsync(
            runtime.webSocket(token),
            new WebSocket.Listener() {
              private final StringBuilder text = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                  into.add(Json.readTree(text.toString()));
                  text.setLength(0);
                }
                return WebSocket.Listener.super.onText(ws, data, last);
              }
            })
        .get();
  }

  private static String submit(LocalRuntimeProcess runtime, String token) throws Exception {
    Path event = TemplateLocator.locate().getParent().resolve("events/api/create-plan.json");
    String body = Json.readTree(Files.readString(event)).path("body").asText();
    HttpResponse<String> accepted = send(runtime, "POST", "/v1/plans", token, body);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    return Json.readTree(accepted.body()).path("planId").asText();
  }

  private static String status(LocalRuntimeProcess runtime, String token, String planId)
      throws Exception {
    HttpResponse<String> plan = send(runtime, "GET", "/v1/plans/" + planId, token, null);
    assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
    return Json.readTree(plan.body()).path("status").asText();
  }

  private static HttpResponse<String> send(
      LocalRuntimeProcess runtime, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(runtime.api(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("content-type", "application/json");
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
