package dev.finpilot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns an API error into words: the problem's title and detail, every field error, and the
 * correlation id to quote; API Gateway's own 401/403 bodies (no problem document) as what they mean
 * for a user of the CLI.
 */
final class Problems {
  private Problems() {}

  static CliFailure failure(ApiResponse response) {
    return new CliFailure(ExitCodes.forStatus(response.status()), describe(response));
  }

  static String describe(ApiResponse response) {
    JsonNode body = parse(response.body());
    StringBuilder text = new StringBuilder();
    if (body.has("title")) {
      text.append(body.path("title").asText()).append(" (").append(response.status()).append(')');
      if (body.hasNonNull("detail")) {
        text.append(": ").append(body.path("detail").asText());
      }
      for (JsonNode error : body.path("errors")) {
        text.append(System.lineSeparator())
            .append("  ")
            .append(error.path("field").asText())
            .append(": ")
            .append(error.path("message").asText());
      }
    } else if (response.status() == 401 || response.status() == 403) {
      text.append("the API refused the access token (")
          .append(response.status())
          .append(' ')
          .append(body.path("message").asText("refused"))
          .append("): log in again with `finpilot login`");
    } else {
      text.append("the API answered ").append(response.status());
    }
    String correlationId = body.path("correlationId").asText(response.correlationId());
    if (correlationId != null && !correlationId.isEmpty()) {
      text.append(System.lineSeparator()).append("correlation id: ").append(correlationId);
    }
    return text.toString();
  }

  private static JsonNode parse(String body) {
    try {
      JsonNode node = JsonText.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
      return node == null ? JsonText.mapper().createObjectNode() : node;
    } catch (JsonProcessingException e) {
      return JsonText.mapper().createObjectNode();
    }
  }
}
