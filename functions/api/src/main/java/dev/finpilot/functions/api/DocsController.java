package dev.finpilot.functions.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jakarta.inject.Singleton;

/**
 * The API's own description, public: {@code GET /openapi.yaml} (the OpenAPI 3.1 document of the
 * repository's {@code docs/}, packaged with the function) and {@code GET /docs}, the same document
 * as a plain HTML page made on the server, with no script and nothing loaded from elsewhere.
 */
@Controller
final class DocsController {
  static final MediaType YAML = MediaType.of("application/yaml");

  /** The page allows nothing but its own inline styles: no scripts, frames, images or requests. */
  static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  private final ApiDocument document;

  DocsController(ApiDocument document) {
    this.document = document;
  }

  @Get("/openapi.yaml")
  HttpResponse<String> openApi() {
    return HttpResponse.<String>status(HttpStatus.OK).contentType(YAML).body(document.yaml());
  }

  @Get("/docs")
  HttpResponse<String> page() {
    return HttpResponse.<String>status(HttpStatus.OK)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .header("Content-Security-Policy", PAGE_POLICY)
        .body(document.html());
  }

  /** The document, read once from the class path, and its HTML rendering. */
  @Singleton
  static final class ApiDocument {
    static final String RESOURCE = "/finpilot/openapi.yaml";

    private final String yaml;
    private final String html;

    ApiDocument() {
      this.yaml = OpenApiPage.read(RESOURCE);
      this.html = OpenApiPage.render(yaml);
    }

    String yaml() {
      return yaml;
    }

    String html() {
      return html;
    }
  }
}
