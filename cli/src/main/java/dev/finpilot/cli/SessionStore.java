package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in sessions, one per API base URL, in {@code sessions.json} of the user's config
 * directory ({@code $XDG_CONFIG_HOME/finpilot}, else {@code ~/.config/finpilot}). The directory is
 * the owner's alone (700) and the file too (600): it holds tokens that act as the user. The file is
 * replaced, never rewritten in place ({@link PrivateFiles}).
 */
final class SessionStore {
  static final String FILE = "sessions.json";

  /** A session as kept: the tokens, when the access token expires, and whose they are. */
  record Session(
      String accessToken,
      String refreshToken,
      Instant accessExpiresAt,
      String userId,
      String email) {

    /** The session an API answer ({@code register}, {@code login}, {@code refresh}) carries. */
    static Session fromAnswer(JsonNode answer, Instant now) {
      return new Session(
          answer.path("accessToken").asText(),
          answer.path("refreshToken").asText(),
          now.plusSeconds(answer.path("expiresIn").asLong()),
          answer.path("user").path("userId").asText(),
          answer.path("user").path("email").asText());
    }

    ObjectNode toJson() {
      ObjectNode node = JsonText.mapper().createObjectNode();
      node.put("accessToken", accessToken)
          .put("refreshToken", refreshToken)
          .put("accessExpiresAt", accessExpiresAt.toString())
          .put("userId", userId)
          .put("email", email);
      return node;
    }

    static Session fromJson(JsonNode node) {
      return new Session(
          node.path("accessToken").asText(),
          node.path("refreshToken").asText(),
          Instant.parse(node.path("accessExpiresAt").asText(Instant.EPOCH.toString())),
          node.path("userId").asText(),
          node.path("email").asText());
    }
  }

  private final Path directory;

  SessionStore(Path directory) {
    this.directory = directory;
  }

  /** The store in the config directory the environment names. */
  static SessionStore forEnvironment(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg == null || xdg.isBlank()
            ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".config")
            : Path.of(xdg);
    return new SessionStore(base.resolve("finpilot"));
  }

  Path file() {
    return directory.resolve(FILE);
  }

  Optional<Session> find(String api) {
    JsonNode session = readAll().path(api);
    if (session.isMissingNode()) {
      return Optional.empty();
    }
    return Optional.of(Session.fromJson(session));
  }

  void save(String api, Session session) {
    ObjectNode all = readAll();
    all.set(api, session.toJson());
    writeAll(all);
  }

  void remove(String api) {
    ObjectNode all = readAll();
    if (all.remove(api) != null) {
      writeAll(all);
    }
  }

  private ObjectNode readAll() {
    Path file = file();
    if (!Files.exists(file)) {
      return JsonText.mapper().createObjectNode();
    }
    try {
      JsonNode all = JsonText.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (all instanceof ObjectNode object) {
        return object;
      }
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "cannot read " + file + " (" + e.getMessage() + "); delete it and log in",
          e);
    }
    throw new CliFailure(ExitCodes.USAGE, file + " is not a sessions file; delete it and log in");
  }

  private void writeAll(ObjectNode all) {
    PrivateFiles.ownerOnlyDirectory(directory);
    PrivateFiles.write(file(), JsonText.pretty(all));
  }
}
