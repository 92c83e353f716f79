package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** An answer of the API: its status, body as sent, and the correlation id it was given. */
record ApiResponse(int status, String body, String correlationId) {

  boolean ok() {
    return status >= 200 && status < 300;
  }

  JsonNode json() {
    return JsonText.read(body);
  }
}
