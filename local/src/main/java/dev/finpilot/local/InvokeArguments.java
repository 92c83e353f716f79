package dev.finpilot.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of {@link Invoke}: {@code FUNCTION --event FILE [--env-vars FILE] [--user-id ID]}.
 *
 * @param envVars a file in {@code sam local invoke --env-vars} format: {@code {"FUNCTION": {"VAR":
 *     "value"}, "Parameters": {"VAR": "value"}}}, {@code Parameters} applying to every function
 * @param userId the caller to put where the HTTP API's authorizer puts it
 */
record InvokeArguments(
    String function, Path eventFile, Optional<Path> envVars, Optional<String> userId) {

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  static InvokeArguments parse(List<String> args) {
    String function = null;
    Path event = null;
    Path envVars = null;
    String userId = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--event", "-e" -> event = Path.of(value(args, ++i, arg));
        case "--env-vars", "-n" -> envVars = Path.of(value(args, ++i, arg));
        case "--user-id" -> userId = value(args, ++i, arg);
        default -> {
          if (arg.startsWith("-") || function != null) {
            throw new IllegalArgumentException("unexpected argument " + arg);
          }
          function = arg;
        }
      }
    }
    if (function == null) {
      throw new IllegalArgumentException("name the function to invoke");
    }
    if (event == null) {
      throw new IllegalArgumentException("--event FILE is required");
    }
    return new InvokeArguments(
        function, event, Optional.ofNullable(envVars), Optional.ofNullable(userId));
  }

  /** The event to hand the function: the file's, with the caller replaced when one was given. */
  byte[] event(byte[] file) {
    if (userId.isEmpty()) {
      return file;
    }
    JsonNode event = readJson(file, "the event");
    JsonNode authorizer = event.path("requestContext").path("authorizer").path("lambda");
    if (!(authorizer instanceof ObjectNode lambda)) {
      throw new IllegalArgumentException(
          "--user-id needs an HTTP API event with requestContext.authorizer.lambda");
    }
    lambda.put("userId", userId.get());
    return Json.write(event).getBytes(StandardCharsets.UTF_8);
  }

  /** The variables the {@code --env-vars} file sets for the function; none without the file. */
  Map<String, String> environmentOverrides() throws IOException {
    Map<String, String> overrides = new LinkedHashMap<>();
    if (envVars.isEmpty()) {
      return overrides;
    }
    JsonNode file = readJson(Files.readAllBytes(envVars.get()), "--env-vars " + envVars.get());
    for (String section : List.of("Parameters", function)) {
      file.path(section)
          .fields()
          .forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asText()));
    }
    return overrides;
  }

  private static JsonNode readJson(byte[] bytes, String what) {
    try {
      JsonNode node = Json.mapper().readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(what + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }
}
