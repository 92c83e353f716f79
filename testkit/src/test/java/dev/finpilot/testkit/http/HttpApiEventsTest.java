package dev.finpilot.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiEventsTest {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private static JsonNode sample(String name) throws IOException {
    try (InputStream in = HttpApiEventsTest.class.getResourceAsStream("/events/" + name)) {
      return JSON.readTree(in);
    }
  }

  private static APIGatewayV2HTTPEvent createPlan() {
    return HttpApiEvents.post("/v1/plans?dryRun=true")
        .route("POST /v1/plans")
        .query("tag", "a")
        .query("tag", "b c")
        .header("Cookie", "session=abc; theme=dark")
        .header("Accept", "application/json")
        .header("ACCEPT", "text/plain")
        .jsonBody("{\"goal\":\"retire\"}")
        .identity("user-1")
        .sourceIp("198.51.100.7")
        .userAgent("curl/8.5.0")
        .requestId("c6af9ac6-7b61-11e6-9a41-93e8deadbeef")
        .time(Instant.parse("2026-11-26T10:00:00Z"))
        .build();
  }

  @Test
  void serialisesExactlyLikeTheApiGatewaySample() throws IOException {
    JsonNode built = JSON.valueToTree(createPlan());
    assertThat(built).isEqualTo(sample("http-api-create-plan.json"));
  }

  @Test
  void theSampleDeserialisesIntoAnEqualEvent() throws IOException {
    APIGatewayV2HTTPEvent parsed =
        JSON.treeToValue(sample("http-api-create-plan.json"), APIGatewayV2HTTPEvent.class);
    assertThat(parsed).isEqualTo(createPlan());
  }

  @Test
  void pathParametersComeFromTheRouteKey() {
    APIGatewayV2HTTPEvent event =
        HttpApiEvents.get("/v1/plans/p-42").route("GET /v1/plans/{id}").build();
    assertThat(event.getPathParameters()).isEqualTo(Map.of("id", "p-42"));
    assertThat(event.getRequestContext().getRouteKey()).isEqualTo("GET /v1/plans/{id}");
    assertThat(
            HttpApiEvents.request("get", "/files/a/b/c")
                .route("ANY /files/{proxy+}")
                .build()
                .getPathParameters())
        .isEqualTo(Map.of("proxy", "a/b/c"));
  }

  @Test
  void aDefaultRouteRequestHasNoOptionalParts() {
    APIGatewayV2HTTPEvent event = HttpApiEvents.get("/health").build();
    assertThat(event.getRouteKey()).isEqualTo("$default");
    assertThat(event.getRawQueryString()).isEmpty();
    assertThat(event.getQueryStringParameters()).isNull();
    assertThat(event.getPathParameters()).isNull();
    assertThat(event.getCookies()).isNull();
    assertThat(event.getBody()).isNull();
    assertThat(event.getHeaders()).doesNotContainKey("content-length");
    assertThat(event.getRequestContext().getAuthorizer()).isNull();
    assertThat(event.getRequestContext().getRequestId()).hasSize(36);
  }

  @Test
  void binaryBodiesAreBase64EncodedWithTheirDecodedLength() {
    APIGatewayV2HTTPEvent event =
        HttpApiEvents.put("/v1/files/x")
            .binaryBody(new byte[] {1, 2, 3}, "application/octet-stream")
            .build();
    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).containsExactly(1, 2, 3);
    assertThat(event.getHeaders()).containsEntry("content-length", "3");
  }

  @Test
  void authorizerContextAndStageVariablesPassThrough() {
    APIGatewayV2HTTPEvent event =
        HttpApiEvents.delete("/v1/plans/p-1")
            .authorizerContext(Map.of("userId", "u-9", "scopes", "plans:write"))
            .stageVariable("stage", "dev")
            .api("111122223333", "abc123", "eu-west-1")
            .build();
    assertThat(event.getRequestContext().getAuthorizer().getLambda())
        .containsEntry("userId", "u-9")
        .containsEntry("scopes", "plans:write");
    assertThat(event.getStageVariables()).containsEntry("stage", "dev");
    assertThat(event.getRequestContext().getDomainName())
        .isEqualTo("abc123.execute-api.eu-west-1.amazonaws.com");
    assertThat(event.getHeaders())
        .containsEntry("host", "abc123.execute-api.eu-west-1.amazonaws.com");
  }

  @Test
  void mismatchesAreRejectedWithBothSidesNamed() {
    assertThatThrownBy(() -> HttpApiEvents.get("/v1/plans").route("POST /v1/plans").build())
        .hasMessageContaining("GET /v1/plans does not match route POST /v1/plans");
    assertThatThrownBy(() -> HttpApiEvents.get("/v1/plans/a/b").route("GET /v1/plans/{id}").build())
        .hasMessageContaining("does not match route");
    assertThatThrownBy(() -> HttpApiEvents.get("/v1").route("GET /v1/plans").build())
        .hasMessageContaining("does not match route");
    assertThatThrownBy(() -> HttpApiEvents.get("v1"))
        .hasMessageContaining("path: must start with '/'");
    assertThatThrownBy(() -> HttpApiEvents.get("/").route("plans"))
        .hasMessageContaining("routeKey: expected");
  }

  @Test
  void bodyLengthCountsUtf8Bytes() {
    APIGatewayV2HTTPEvent event = HttpApiEvents.post("/x").body("€", "text/plain").build();
    assertThat(event.getHeaders())
        .containsEntry(
            "content-length", Integer.toString("€".getBytes(StandardCharsets.UTF_8).length));
  }
}
