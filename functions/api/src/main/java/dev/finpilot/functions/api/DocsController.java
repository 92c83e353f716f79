package dev.finpilot.functions.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

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

  @Get("/openapi.yaml")
  HttpResponse<String> openApi() {
    return HttpResponse.<String>status(HttpStatus.OK).contentType(YAML).body(ApiDocument.YAML);
  }

  @Get("/docs")
  HttpResponse<String> page() {
    return HttpResponse.<String>status(HttpStatus.OK)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .header("Content-Security-Policy", PAGE_POLICY)
        .body(ApiDocument.HTML);
  }

  /**
   * The document, read once from the class path, and its HTML rendering, both made on the first
   * request for either (class initialisation): parsing the YAML loads a YAML parser, which no other
   * route needs, so a cold start serving any other route does not pay for it.
   */
  static final class ApiDocument {
    static final String RESOURCE = "/finpilot/openapi.yaml";
    static final String YAML = OpenApiPage.read(RESOURCE);
    static final String HTML = OpenApiPage.render(YAML);

    private ApiDocument() {}
  }
}
