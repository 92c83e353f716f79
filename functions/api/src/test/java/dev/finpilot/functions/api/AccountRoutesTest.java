package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.testkit.http.HttpApiEvents;
import org.junit.jupiter.api.Test;

/** The account's own routes: password change, export and erasure, each for the caller only. */
class AccountRoutesTest extends HandlerHarness {
  private static final String PASSWORD = "correct horse battery";

  private String registered() {
    return register("ada@example.com", PASSWORD).path("user").path("userId").asText();
  }

  private APIGatewayV2HTTPResponse changePassword(String userId, String current, String next) {
    return post(
        userId,
        "/v1/me/password",
        "{\"currentPassword\": \"" + current + "\", \"newPassword\": \"" + next + "\"}");
  }

  @Test
  void aPasswordChangeNeedsTheCurrentPasswordAndANewOneByTheRules() {
    String userId = registered();

    JsonNode wrong =
        problem(
            changePassword(userId, "not it", "a brand new passphrase"), 422, "validation-failed");
    JsonNode tooShort =
        problem(changePassword(userId, PASSWORD, "short"), 422, "validation-failed");
    problem(post(userId, "/v1/me/password", "{}"), 422, "validation-failed");
    APIGatewayV2HTTPResponse changed = changePassword(userId, PASSWORD, "a brand new passphrase");

    assertThat(wrong.path("errors").get(0).path("field").asText()).isEqualTo("currentPassword");
    assertThat(tooShort.path("errors").get(0).path("field").asText()).isEqualTo("newPassword");
    assertThat(changed.getStatusCode()).as(changed.getBody()).isEqualTo(204);
    assertThat(stores.connections.closed).containsExactly("all:" + userId);
    problem(
        postPublic(
            "/v1/auth/login", "{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}"),
        401,
        "invalid-credentials");
  }

  @Test
  void theExportIsTheCallersAndErasureIsRepeatable() {
    String userId = registered();

    JsonNode export = body(get(userId, "/v1/me/export"));
    assertThat(export.path("userId").asText()).isEqualTo(userId);
    assertThat(export.path("tables").path("UsersTable").get(0).path("userId").asText())
        .isEqualTo(userId);

    assertThat(call(HttpApiEvents.delete("/v1/me").identity(userId)).getStatusCode())
        .isEqualTo(204);
    assertThat(call(HttpApiEvents.delete("/v1/me").identity(userId)).getStatusCode())
        .as("already erased")
        .isEqualTo(204);
    problem(get(userId, "/v1/me"), 404, "not-found");
    problem(get(userId, "/v1/me/export"), 404, "not-found");
    assertThat(body(get(USER, "/v1/me")).path("userId").asText()).isEqualTo(USER);
  }

  @Test
  void everyAccountRouteNeedsACaller() {
    problem(call(HttpApiEvents.delete("/v1/me")), 401, "unauthenticated");
    problem(call(HttpApiEvents.get("/v1/me/export")), 401, "unauthenticated");
    problem(postPublic("/v1/me/password", "{}"), 401, "unauthenticated");
  }
}
