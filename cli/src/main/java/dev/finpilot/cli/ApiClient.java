package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.cli.SessionStore.Session;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP API as the CLI uses it: JSON in and out, the signed-in session's access token on every
 * call that needs one, refreshed through {@code POST /v1/auth/refresh} when it has expired or API
 * Gateway refuses it, and every failure turned into a {@link CliFailure} with its exit status.
 */
final class ApiClient {
  /** Refresh this long before the token's expiry, so a token never expires in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  static final String JSON = "application/json";

  private final String api;
  private final HttpClient http;
  private final SessionStore sessions;
  private final Clock clock;

  ApiClient(String api, SessionStore sessions, Clock clock) {
    this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.sessions = sessions;
    this.clock = clock;
  }

  String api() {
    return api;
  }

  /** A call without a token (register, login); a non-2xx answer fails. */
  JsonNode anonymous(String method, String path, Object body) {
    ApiResponse response = send(method, path, body, JSON, null);
    if (!response.ok()) {
      throw Problems.failure(response);
    }
    return response.json();
  }

  /** A call as the signed-in user answered with JSON (or nothing, for a 204: then null). */
  JsonNode call(String method, String path, Object body) {
    ApiResponse response = exchange(method, path, body, JSON);
    return response.body().isEmpty() ? null : response.json();
  }

  JsonNode get(String path) {
    return call("GET", path, null);
  }

  /** A call as the signed-in user; answers its successful response, fails on any other. */
  ApiResponse exchange(String method, String path, Object body, String accept) {
    Session session = freshSession();
    ApiResponse response = send(method, path, body, accept, session.accessToken());
    if (refusedByGateway(response)) {
      // The token may have expired between the check and the call, or the clock be off: one
      // refresh and one retry; a second refusal is the answer.
      response = send(method, path, body, accept, refresh(session).accessToken());
    }
    if (!response.ok()) {
      throw Problems.failure(response);
    }
    return response;
  }

  /** The signed-in session's access token, refreshed first if it has expired. */
  String accessToken() {
    return freshSession().accessToken();
  }

  Session session() {
    return sessions
        .find(api)
        .orElseThrow(
            () ->
                new CliFailure(
                    ExitCodes.NOT_SIGNED_IN,
                    "not signed in to "
                        + api
                        + ": run `finpilot login` (or `finpilot register` for a new account)"));
  }

  private Session freshSession() {
    Session session = session();
    if (clock.instant().plus(EXPIRY_MARGIN).isBefore(session.accessExpiresAt())) {
      return session;
    }
    return refresh(session);
  }

  private Session refresh(Session session) {
    ApiResponse answer =
        send(
            "POST", "/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), JSON, null);
    if (!answer.ok()) {
      sessions.remove(api);
      throw new CliFailure(
          ExitCodes.NOT_SIGNED_IN,
          "your session has ended ("
              + Problems.describe(answer)
              + "); log in again with `finpilot login`");
    }
    Session renewed = Session.fromAnswer(answer.json(), clock.instant());
    sessions.save(api, renewed);
    return renewed;
  }

  /** API Gateway's own refusal (no problem document): the authorizer did not accept the token. */
  private static boolean refusedByGateway(ApiResponse response) {
    return (response.status() == 401 || response.status() == 403)
        && !response.body().contains("\"type\"");
  }

  private ApiResponse send(String method, String path, Object body, String accept, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api + path))
            .timeout(Duration.ofMinutes(2))
            .header("accept", accept);
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("content-type", JSON)
          .method(method, HttpRequest.BodyPublishers.ofString(JsonText.write(body)));
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiResponse(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("x-correlation-id").orElse(""));
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.UNREACHABLE, "interrupted while calling " + api, e);
    }
  }

  private CliFailure unreachable(IOException e) {
    return new CliFailure(
        ExitCodes.UNREACHABLE,
        "cannot reach the FinPilot API at "
            + api
            + " ("
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
            + "): is it running (bin/local)? --api or FINPILOT_API names another");
  }
}
