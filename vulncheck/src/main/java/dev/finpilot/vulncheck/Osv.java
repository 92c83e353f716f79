package dev.finpilot.vulncheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OSV's API (https://google.github.io/osv.dev/api/): {@code POST /v1/querybatch} for the ids of the
 * vulnerabilities of each package, then {@code GET /v1/vulns/{id}} for each id's record.
 */
final class Osv {

  static final URI PUBLIC = URI.create("https://api.osv.dev/");

  /** OSV answers at most 1,000 queries per batch. */
  private static final int BATCH = 1000;

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  Osv(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  URI base() {
    return base;
  }

  /** The ids of the known vulnerabilities of each package (packages without any are left out). */
  Map<String, List<String>> vulnerabilityIds(List<String> purls) throws Unreachable {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    for (int from = 0; from < purls.size(); from += BATCH) {
      List<String> batch = purls.subList(from, Math.min(purls.size(), from + BATCH));
      ObjectNode request = json.createObjectNode();
      ArrayNode queries = request.putArray("queries");
      batch.forEach(purl -> queries.addObject().putObject("package").put("purl", purl));
      JsonNode results = send(post("v1/querybatch", request)).path("results");
      if (results.size() != batch.size()) {
        throw new Unreachable(
            "OSV answered " + results.size() + " results for " + batch.size() + " queries");
      }
      for (int i = 0; i < batch.size(); i++) {
        List<String> found = new ArrayList<>();
        results.get(i).path("vulns").forEach(v -> found.add(v.path("id").asText()));
        if (!found.isEmpty()) {
          ids.put(batch.get(i), found);
        }
      }
    }
    return ids;
  }

  Advisory advisory(String id) throws Unreachable {
    JsonNode record =
        send(HttpRequest.newBuilder(base.resolve("v1/vulns/" + id)).timeout(TIMEOUT).GET().build());
    return new Advisory(
        id,
        record.path("summary").asText(""),
        Severity.of(record.path("database_specific").path("severity").asText(null)));
  }

  private HttpRequest post(String path, JsonNode body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
        .build();
  }

  private JsonNode send(HttpRequest request) throws Unreachable {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new Unreachable(request.uri() + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unreachable(request.uri() + ": interrupted");
    }
    if (response.statusCode() != 200) {
      throw new Unreachable(request.uri() + " answered HTTP " + response.statusCode());
    }
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new Unreachable(request.uri() + " answered something that is not JSON");
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
  }

  /** OSV could not be asked or gave no usable answer: the check is skipped, never passed. */
  static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreachable(String reason) {
      super(reason);
    }
  }
}
