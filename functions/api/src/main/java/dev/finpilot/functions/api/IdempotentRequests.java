package dev.finpilot.functions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.finpilot.functions.api.IdempotencyStore.StoredResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Honours the {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header
 * Field"): the first request with a key runs and its response is kept for {@link #RETENTION}; a
 * retry with the same key and the same body gets that response again without running; the same key
 * with a different body is refused (422), and a retry while the first is still running is told to
 * wait (409). Keys are per user: two users' keys never meet.
 *
 * <p>The body is compared by meaning, not by bytes: the JSON is re-serialised with sorted keys
 * before it is hashed, so a retry that re-orders fields or whitespace is the same request.
 */
@Singleton
final class IdempotentRequests {
  static final String HEADER = "Idempotency-Key";
  static final Duration RETENTION = Duration.ofHours(24);
  static final String REPLAYED_HEADER = "Idempotency-Replayed";

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final IdempotencyStore store;
  private final Clock clock;

  IdempotentRequests(IdempotencyStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A response, and whether it is the kept response of an earlier request with the same key. */
  record Result(StoredResponse response, boolean replayed) {

    MutableHttpResponse<String> toHttpResponse() {
      MutableHttpResponse<String> http =
          HttpResponse.<String>status(HttpStatus.valueOf(response.status()))
              .contentType(MediaType.APPLICATION_JSON_TYPE)
              .body(response.body());
      if (response.location() != null) {
        http.header(HttpHeaders.LOCATION, response.location());
      }
      if (replayed) {
        http.header(REPLAYED_HEADER, "true");
      }
      return http;
    }
  }

  /**
   * Runs {@code request} once per key; without a key, simply runs it.
   *
   * @param resource what the request acts on (method and path): the same key and body sent to
   *     another resource is another request
   * @param body the request's JSON, already known to be valid
   */
  Result run(
      String userId,
      String resource,
      @Nullable String key,
      JsonNode body,
      Supplier<StoredResponse> request) {
    if (key == null) {
      return new Result(request.get(), false);
    }
    if (!KEY.matcher(key).matches()) {
      throw ProblemException.invalidField(
          ProblemType.INVALID_REQUEST,
          HEADER,
          "1 to 128 letters, digits, '.', '_', ':' or '-' (a UUID is a good key)");
    }
    String scoped = userId + "#" + resource + "#" + key;
    String fingerprint = fingerprint(body);
    Instant now = clock.instant();
    if (!store.claim(scoped, fingerprint, now, now.plus(RETENTION))) {
      return new Result(replay(scoped, fingerprint, now), true);
    }
    StoredResponse response;
    try {
      response = request.get();
    } catch (RuntimeException e) {
      store.release(scoped);
      throw e;
    }
    store.complete(scoped, response);
    return new Result(response, false);
  }

  private StoredResponse replay(String scoped, String fingerprint, Instant now) {
    Optional<IdempotencyStore.Entry> entry = store.find(scoped, now);
    if (entry.isEmpty()) {
      // Released or expired between our claim and this read: the client may simply retry.
      throw ProblemException.retryLater(
          ProblemType.CONFLICT,
          "a request with this Idempotency-Key just finished; retry",
          Duration.ofSeconds(1));
    }
    if (!entry.get().fingerprint().equals(fingerprint)) {
      throw new ProblemException(
          ProblemType.IDEMPOTENCY_KEY_REUSED,
          "this Idempotency-Key was used for a different request body within the last 24 hours;"
              + " use a new key for a new request");
    }
    return entry
        .get()
        .response()
        .orElseThrow(
            () ->
                ProblemException.retryLater(
                    ProblemType.CONFLICT,
                    "a request with this Idempotency-Key is still being processed; retry",
                    Duration.ofSeconds(1)));
  }

  static String fingerprint(JsonNode body) {
    try {
      Object plain = CANONICAL.treeToValue(body, Object.class);
      byte[] canonical = CANONICAL.writeValueAsBytes(plain);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot fingerprint a parsed JSON body", e);
    }
  }
}
