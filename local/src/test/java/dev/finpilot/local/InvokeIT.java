package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code finpilot invoke} on the files in events/, against moto with the template's resources:
 * every file is handed to its function, which answers, and the answer is JSON on stdout. What the
 * HTTP API events answer is what events/README.md says.
 */
@WithAwsBackend
class InvokeIT {

  /** Which function each folder of events/ is for. */
  static final Map<String, String> FUNCTIONS =
      Map.of(
          "api", "ApiFunction",
          "authorizer", "AuthorizerFunction",
          "realtime", "RealtimeFunction",
          "workflow", "WorkflowFunction",
          "retrieval", "RetrievalFunction",
          "planning", "PlanningFunction",
          "verification", "VerificationFunction",
          "execution", "ExecutionFunction",
          "monitor", "MonitorFunction");

  record Outcome(int exitCode, String stdout, String stderr) {
    JsonNode answer() {
      return Json.readTree(stdout);
    }
  }

  static Outcome invoke(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Invoke.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path events() {
    return TemplateLocator.locate().resolveSibling("events");
  }

  static Stream<Path> eventFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String folder : FUNCTIONS.keySet()) {
      try (Stream<Path> in = Files.list(events().resolve(folder))) {
        in.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
      }
    }
    return files.stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("eventFiles")
  void everySampleEventIsAnsweredWithJsonOnStdout(Path file) {
    String function = FUNCTIONS.get(file.getParent().getFileName().toString());

    Outcome outcome = invoke(function, "--event", file.toString());

    assertThat(outcome.exitCode()).as(outcome.stderr()).isZero();
    assertThat(outcome.answer().isObject()).as(outcome.stdout()).isTrue();
  }

  @Test
  void everyFolderOfEventsIsForAFunction() throws IOException {
    try (Stream<Path> folders = Files.list(events())) {
      assertThat(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
    }
  }

  @Test
  void theHttpApiEventsAnswerAsTheEventsReadmeSays() throws IOException {
    assertThat(status(invoke("ApiFunction", "--event", api("health.json")))).isEqualTo(200);
    assertThat(status(invoke("ApiFunction", "--event", api("create-plan-unauthenticated.json"))))
        .isEqualTo(401);
    // user-123 has no account until someone registers it: the API refuses its plans.
    assertThat(status(invoke("ApiFunction", "--event", api("create-plan.json")))).isEqualTo(401);

    // register.json as someone else, so this test does not depend on which ran first.
    Outcome registered =
        invoke("ApiFunction", "--event", registerAs("invoke-" + UUID.randomUUID()));
    assertThat(status(registered)).as(registered.stdout()).isEqualTo(201);
    String userId =
        Json.readTree(registered.answer().path("body").asText())
            .path("user")
            .path("userId")
            .asText();

    Outcome created =
        invoke("ApiFunction", "--event", api("create-plan.json"), "--user-id", userId);

    assertThat(status(created)).as(created.stdout()).isEqualTo(202);
    assertThat(Json.readTree(created.answer().path("body").asText()).path("statusUrl").asText())
        .startsWith("/v1/plans/");
  }

  @Test
  void wrongArgumentsAreAUsageError() {
    assertThat(invoke().exitCode()).isEqualTo(Invoke.USAGE);
    assertThat(invoke("ApiFunction").exitCode()).isEqualTo(Invoke.USAGE);
    assertThat(invoke("ApiFunction", "--event", "no-such-file.json").exitCode())
        .isEqualTo(Invoke.USAGE);
    Outcome unknown = invoke("NoSuchFunction", "--event", api("health.json"));
    assertThat(unknown.exitCode()).isEqualTo(Invoke.USAGE);
    assertThat(unknown.stderr()).contains("ApiFunction");
    assertThat(
            invoke("PlanningFunction", "--event", api("health.json"), "--user-id", "u").exitCode())
        .isEqualTo(Invoke.USAGE);
  }

  @Test
  void aFunctionThatThrowsExitsNonZero() throws IOException {
    Path event = Files.createTempFile("not-a-schedule", ".json");
    Files.writeString(event, "{\"time\": \"not a time\"}");

    Outcome outcome = invoke("MonitorFunction", "--event", event.toString());

    assertThat(outcome.exitCode()).as(outcome.stdout()).isEqualTo(Invoke.FAILED);
    assertThat(outcome.stdout()).isEmpty();
    assertThat(outcome.stderr()).contains("MonitorFunction threw");
  }

  /** events/api/register.json with another email address. */
  private static String registerAs(String name) throws IOException {
    String event = Files.readString(events().resolve("api").resolve("register.json"));
    Path copy = Files.createTempFile("register", ".json");
    Files.writeString(copy, event.replace("sample.user@example.com", name + "@example.com"));
    return copy.toString();
  }

  private static String api(String file) {
    return events().resolve("api").resolve(file).toString();
  }

  private static int status(Outcome outcome) {
    return outcome.answer().path("statusCode").asInt();
  }
}
