package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP API as a well-behaved client uses it: every call timed under its call type; a 429 waits
 * out its Retry-After; a refused token (401, or the authorizer's 403) on a call with a session
 * refreshes the session once and repeats the call; a connection error or a 502/503/504 is tried
 * again with backoff for a few minutes. What could not be done in the end is counted as a failed
 * call of its type.
 */
final class ApiClient {

  /** How long a client keeps trying through connection errors and 502-504s (a restart, say). */
  private static final Duration RETRY_PATIENCE = Duration.ofMinutes(3);

  private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

  /** An answer: status, body and the Retry-After header, if any. */
  record Response(int status, String body, String retryAfter) {
    JsonNode json() {
      return body == null || body.isBlank() ? Json.mapper().nullNode() : Json.readTree(body);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** A call that did not succeed after the retries: counted, and the user's script stops. */
  static final class CallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallFailed(String message) {
      super(message);
    }
  }

  private final URI api;
  private final HttpClient http;
  private final Duration callTimeout;
  private final Latencies latencies;
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder rateLimited = new LongAdder();
  private final LongAdder refreshes = new LongAdder();
  private final LongAdder retried = new LongAdder();

  ApiClient(URI api, Duration callTimeout, Latencies latencies) {
    this.api = api;
    this.callTimeout = callTimeout;
    this.latencies = latencies;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  URI api() {
    return api;
  }

  /** Registers, from the session's own loopback address when the API is local; any answer. */
  Response register(String json, Session session, Instant deadline) {
    Response response =
        call("register", deadline, () -> sendAuth("/v1/auth/register", json, session), null);
    if (response.ok()) {
      session.update(response.json());
    }
    return response;
  }

  /** Logs in (or refreshes), from the session's own loopback address when the API is local. */
  Response authenticate(String type, String path, String json, Session session, Instant deadline) {
    Response response = call(type, deadline, () -> sendAuth(path, json, session), null);
    if (!response.ok()) {
      throw failed(type, response);
    }
    session.update(response.json());
    return response;
  }

  Response get(String type, String path, Session session, Instant deadline) {
    return call(type, deadline, () -> send("GET", path, null, session, Map.of()), session);
  }

  Response post(
      String type,
      String path,
      String json,
      Session session,
      Map<String, String> headers,
      Instant deadline) {
    return call(type, deadline, () -> send("POST", path, json, session, headers), session);
  }

  /** Throws the failure of a call whose answer the script cannot go on with. */
  CallFailed failed(String type, Response response) {
    failures.computeIfAbsent(type, t -> new LongAdder()).increment();
    return new CallFailed(type + " answered " + response.status() + ": " + response.body());
  }

  Map<String, Long> failures() {
    Map<String, Long> counts = new LinkedHashMap<>();
    failures.forEach((type, count) -> counts.put(type, count.sum()));
    return counts;
  }

  long rateLimited() {
    return rateLimited.sum();
  }

  long refreshes() {
    return refreshes.sum();
  }

  long retried() {
    return retried.sum();
  }

  private interface Exchange {
    Response send() throws IOException, InterruptedException;
  }

  private Response call(String type, Instant deadline, Exchange exchange, Session session) {
    boolean refreshed = false;
    Duration backoff = Duration.ofMillis(500);
    Instant patience = Instant.now().plus(RETRY_PATIENCE);
    while (true) {
      long started = System.nanoTime();
      Response response;
      try {
        response = exchange.send();
      } catch (IOException e) {
        response = new Response(599, e.toString(), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CallFailed(type + " interrupted");
      }
      latencies.record(type, Duration.ofNanos(System.nanoTime() - started));
      if (response.status() == 429 && Instant.now().isBefore(deadline)) {
        rateLimited.increment();
        pause(retryAfter(response), deadline);
      } else if (refused(response) && session != null && !refreshed) {
        refreshed = true;
        refresh(session, deadline);
      } else if (worthRetrying(response)
          && Instant.now().isBefore(patience)
          && Instant.now().isBefore(deadline)) {
        retried.increment();
        pause(backoff, deadline);
        backoff = backoff.multipliedBy(2);
        backoff = backoff.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff;
      } else {
        return response;
      }
    }
  }

  /** The access token ran out mid-flow: exchange the refresh token, as a client does. */
  private void refresh(Session session, Instant deadline) {
    refreshes.increment();
    String body = Json.write(Map.of("refreshToken", session.refreshToken()));
    Response response =
        call(
            "refresh",
            deadline,
            () -> send("POST", "/v1/auth/refresh", body, null, Map.of()),
            null);
    if (!response.ok()) {
      throw failed("refresh", response);
    }
    session.update(response.json());
  }

  /**
   * The token was refused: 401, or the 403 the authorizer answers (API Gateway's own body, not a
   * problem of the API) for a token that is no longer valid, an expired one included.
   */
  private static boolean refused(Response response) {
    return response.status() == 401
        || (response.status() == 403
            && response.body() != null
            && response.body().contains("\"message\":\"Forbidden\""));
  }

  private static boolean worthRetrying(Response response) {
    return response.status() == 599 || (response.status() >= 502 && response.status() <= 504);
  }

  private static Duration retryAfter(Response response) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(response.retryAfter())));
    } catch (NumberFormatException e) {
      return Duration.ofSeconds(1);
    }
  }

  static void pause(Duration wanted, Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    Duration pause = wanted.compareTo(left) < 0 ? wanted : left;
    if (pause.isNegative() || pause.isZero()) {
      return;
    }
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallFailed("interrupted");
    }
  }

  private Response sendAuth(String path, String json, Session session)
      throws IOException, InterruptedException {
    if (LoopbackPost.applies(api)) {
      return LoopbackPost.post(
          session.sourceAddress, api.resolve(path), json, Map.of(), callTimeout);
    }
    return send("POST", path, json, null, Map.of());
  }

  private Response send(
      String method, String path, String json, Session session, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.resolve(path))
            .timeout(callTimeout)
            .header("accept", "application/json");
    if (session != null) {
      request.header("authorization", session.bearer());
    }
    headers.forEach(request::header);
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("content-type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.body(),
        response.headers().firstValue("retry-after").orElse(null));
  }
}
