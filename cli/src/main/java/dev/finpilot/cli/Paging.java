package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The API's cursor paging (plans, ledger): the cursor to send and how to ask for more. */
final class Paging {
  private Paging() {}

  static String cursor(String cursor) {
    return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }

  static List<String> next(JsonNode page) {
    return page.hasNonNull("nextCursor")
        ? List.of("more: --cursor " + page.path("nextCursor").asText())
        : List.of();
  }
}
