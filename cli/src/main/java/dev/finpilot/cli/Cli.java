package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What every command works with, from the global options and the environment: the API client, the
 * sessions, where to listen for live updates, and how to print (words, or the API's JSON as it is
 * with {@code --json}, progress then going to standard error so standard output parses).
 */
final class Cli {
  static final String DEFAULT_API = "http://127.0.0.1:8080";

  private final Terminal terminal;
  private final String apiUrl;
  private final String websocketUrl;
  private final boolean json;
  private final Duration patience;

  Cli(Terminal terminal, String api, String websocket, boolean json, Duration patience) {
    this.terminal = terminal;
    this.apiUrl = api != null ? api : terminal.env("FINPILOT_API", DEFAULT_API);
    this.websocketUrl = websocket != null ? websocket : terminal.env("FINPILOT_WS", null);
    this.json = json;
    this.patience = patience;
  }

  Terminal terminal() {
    return terminal;
  }

  boolean json() {
    return json;
  }

  SessionStore sessions() {
    return SessionStore.forEnvironment(terminal.env());
  }

  ApiClient api() {
    return new ApiClient(apiUrl, sessions(), terminal.clock());
  }

  /**
   * The WebSocket API to follow plans on: {@code --ws} or {@code FINPILOT_WS}; else, for the local
   * runtime at {@code http://127.0.0.1:P}, {@code ws://127.0.0.1:P+1/}, where it serves it.
   */
  Optional<URI> websocket() {
    if (websocketUrl != null) {
      return Optional.of(URI.create(websocketUrl));
    }
    URI api = URI.create(apiUrl);
    boolean local =
        "http".equals(api.getScheme())
            && ("127.0.0.1".equals(api.getHost()) || "localhost".equals(api.getHost()));
    if (!local) {
      return Optional.empty();
    }
    int port = api.getPort() == -1 ? 80 : api.getPort();
    return Optional.of(URI.create("ws://" + api.getHost() + ":" + (port + 1) + "/"));
  }

  PlanFollower follower(ApiClient api) {
    return PlanFollower.open(api, websocket(), progress(), terminal.clock(), patience);
  }

  /** Where progress goes: standard output, or standard error when it must hold JSON alone. */
  java.io.PrintWriter progress() {
    return json ? terminal.err() : terminal.out();
  }

  /** Reads {@code path} and prints it: the API's body as is with --json, else in words. */
  JsonNode show(ApiClient api, String path, Function<JsonNode, List<String>> words) {
    String body = api.exchange("GET", path, null, ApiClient.JSON).body();
    JsonNode node = JsonText.read(body);
    if (json) {
      terminal.out().println(body);
    } else {
      words.apply(node).forEach(terminal.out()::println);
    }
    terminal.out().flush();
    return node;
  }

  /** Prints an answer already read: as JSON with --json, else in words. */
  void print(JsonNode answer, Function<JsonNode, List<String>> words) {
    if (json) {
      terminal.out().println(JsonText.write(answer));
    } else {
      words.apply(answer).forEach(terminal.out()::println);
    }
    terminal.out().flush();
  }

  void say(String line) {
    progress().println(line);
    progress().flush();
  }

  /**
   * Follows the plan until it settles, prints it, and answers the exit status: OK when it settled
   * in one of {@code wanted}, else {@link ExitCodes#PLAN_NOT_AS_WANTED}.
   */
  int settleAndShow(
      ApiClient api, PlanFollower follower, String planId, long afterRevision, Set<String> wanted)
      throws InterruptedException {
    String status = follower.settle(planId, afterRevision);
    show(api, "/v1/plans/" + planId, PlanText::plan);
    if (wanted.contains(status)) {
      return ExitCodes.OK;
    }
    terminal
        .err()
        .println("finpilot: plan " + planId + " is " + status + Hints.after(status, planId));
    terminal.err().flush();
    return ExitCodes.PLAN_NOT_AS_WANTED;
  }

  /** A JSON file the user names (a household state): its object, or a usage failure. */
  static JsonNode readJsonFile(Path file) {
    try {
      JsonNode node = JsonText.mapper().readTree(Files.readString(file));
      if (node == null || !node.isObject()) {
        throw new CliFailure(ExitCodes.USAGE, file + " does not hold a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
