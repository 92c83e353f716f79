package dev.finpilot.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.finpilot.functions.api.report.Html;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Renders an OpenAPI document as one readable HTML page: operations first, then schemas. */
final class OpenApiPage {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n");

  private OpenApiPage() {}

  static String read(String resource) {
    try (InputStream in = OpenApiPage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String render(String yaml) {
    JsonNode doc;
    try {
      doc = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new IllegalStateException("the OpenAPI document is not YAML", e);
    }
    StringBuilder h = new StringBuilder(32 * 1024);
    String title = doc.path("info").path("title").asText("API");
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append("</title><style>")
        .append("body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;")
        .append("padding:0 1rem;color:#1d2430}code,pre{font-family:ui-monospace,monospace}")
        .append(".op{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}")
        .append(".m{font-weight:700;text-transform:uppercase;margin-right:.5rem}")
        .append("table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;")
        .append("padding:.2rem .6rem;text-align:left;vertical-align:top}")
        .append("</style></head><body>");
    h.append("<h1>")
        .append(esc(title))
        .append(" <small>")
        .append(esc(doc.path("info").path("version").asText()))
        .append("</small></h1>");
    paragraphs(h, doc.path("info").path("description").asText(""));
    h.append("<p>Machine-readable: <a href=\"/openapi.yaml\">/openapi.yaml</a> (OpenAPI ")
        .append(esc(doc.path("openapi").asText()))
        .append(").</p><h2>Operations</h2>");
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op != null) {
          operation(h, method, path.getKey(), op, doc);
        }
      }
    }
    h.append("<h2>Schemas</h2>");
    for (Iterator<Map.Entry<String, JsonNode>> schemas =
            doc.path("components").path("schemas").fields();
        schemas.hasNext(); ) {
      Map.Entry<String, JsonNode> schema = schemas.next();
      h.append("<h3 id=\"schema-")
          .append(esc(schema.getKey()))
          .append("\">")
          .append(esc(schema.getKey()))
          .append("</h3>");
      paragraphs(h, schema.getValue().path("description").asText(""));
      properties(h, schema.getValue());
    }
    return h.append("</body></html>").toString();
  }

  private static void operation(
      StringBuilder h, String method, String path, JsonNode op, JsonNode doc) {
    boolean open = op.has("security") && op.get("security").isEmpty();
    if (!op.has("security")) {
      open = doc.path("security").isEmpty();
    }
    h.append("<div class=\"op\"><h3><span class=\"m\">")
        .append(method.toUpperCase(Locale.ROOT))
        .append("</span><code>")
        .append(esc(path))
        .append("</code></h3><p><strong>")
        .append(esc(op.path("summary").asText()))
        .append("</strong> ")
        .append(open ? "(public)" : "(needs an access token)")
        .append("</p>");
    paragraphs(h, op.path("description").asText(""));
    JsonNode parameters = op.path("parameters");
    if (!parameters.isEmpty()) {
      h.append("<table><tr><th>Parameter</th><th>In</th><th>Description</th></tr>");
      for (JsonNode p : parameters) {
        JsonNode resolved = resolve(p, doc);
        h.append("<tr><td><code>")
            .append(esc(resolved.path("name").asText()))
            .append("</code>")
            .append(resolved.path("required").asBoolean() ? " (required)" : "")
            .append("</td><td>")
            .append(esc(resolved.path("in").asText()))
            .append("</td><td>")
            .append(esc(resolved.path("description").asText()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    String body = schemaName(op.path("requestBody").path("content"));
    if (!body.isEmpty()) {
      h.append("<p>Body: ").append(link(body)).append("</p>");
    }
    h.append("<table><tr><th>Status</th><th>Meaning</th></tr>");
    for (Iterator<Map.Entry<String, JsonNode>> responses = op.path("responses").fields();
        responses.hasNext(); ) {
      Map.Entry<String, JsonNode> r = responses.next();
      JsonNode response = resolve(r.getValue(), doc);
      String schema = schemaName(response.path("content"));
      h.append("<tr><td>")
          .append(esc(r.getKey()))
          .append("</td><td>")
          .append(esc(response.path("description").asText()))
          .append(schema.isEmpty() ? "" : " " + link(schema))
          .append("</td></tr>");
    }
    h.append("</table></div>");
  }

  private static void properties(StringBuilder h, JsonNode schema) {
    JsonNode props = schema.path("properties");
    if (props.isEmpty()) {
      return;
    }
    h.append("<table><tr><th>Field</th><th>Type</th><th>Description</th></tr>");
    for (Iterator<Map.Entry<String, JsonNode>> fields = props.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode p = f.getValue();
      String type =
          p.has("$ref")
              ? link(p.get("$ref").asText().replaceFirst(".*/", ""))
              : esc(p.path("type").isArray() ? p.path("type").toString() : p.path("type").asText());
      h.append("<tr><td><code>")
          .append(esc(f.getKey()))
          .append("</code></td><td>")
          .append(type)
          .append("</td><td>")
          .append(esc(p.path("description").asText()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private static JsonNode resolve(JsonNode node, JsonNode doc) {
    if (!node.has("$ref")) {
      return node;
    }
    JsonNode target = doc.at(node.get("$ref").asText().substring(1));
    return target.isMissingNode() ? node : target;
  }

  private static String schemaName(JsonNode content) {
    for (JsonNode media : content) {
      String ref = media.path("schema").path("$ref").asText("");
      if (!ref.isEmpty()) {
        return ref.replaceFirst(".*/", "");
      }
    }
    return "";
  }

  private static String link(String schema) {
    return "<a href=\"#schema-" + esc(schema) + "\">" + esc(schema) + "</a>";
  }

  private static void paragraphs(StringBuilder h, String text) {
    for (String p : PARAGRAPH.split(text.strip())) {
      if (!p.isBlank()) {
        h.append("<p>").append(esc(p.strip())).append("</p>");
      }
    }
  }

  static String esc(String text) {
    return Html.escape(text);
  }
}
