package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The API's own documentation, served without a token. */
class DocsRoutesTest extends HandlerHarness {

  @Test
  void theOpenApiDocumentIsServedAsWrittenWithoutAToken() throws IOException {
    APIGatewayV2HTTPResponse response = call(HttpApiEvents.get("/openapi.yaml"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("application/yaml");
    assertThat(response.getBody())
        .isEqualTo(Files.readString(RepositoryFiles.resolve("docs/openapi.yaml")));
  }

  @Test
  void theDocsPageListsEveryOperationAndRunsNoScript() throws IOException {
    APIGatewayV2HTTPResponse response = call(HttpApiEvents.get("/docs"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
    assertThat(response.getHeaders())
        .containsEntry("Content-Security-Policy", DocsController.PAGE_POLICY);
    String page = response.getBody();
    assertThat(page).doesNotContain("<script");
    OpenApiDocumentTest.document()
        .path("paths")
        .fieldNames()
        .forEachRemaining(path -> assertThat(page).contains("<code>" + path + "</code>"));
    assertThat(page).contains("id=\"schema-Problem\"").contains("(public)");
  }
}
