package dev.finpilot.retrieval.providers;

import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * One provider's HTTP GETs: a request timeout, a browser-like User-Agent, and every transport
 * failure turned into {@link Kind#UNAVAILABLE}. Messages never carry the request URI or the
 * transport's own message, because a request URI may hold an API key.
 */
final class ProviderHttp {

  /**
   * Yahoo answers 429 to the default agents of HTTP libraries and to outdated browser strings, so
   * requests name a current browser, followed by FinPilot so the traffic stays identifiable.
   */
  static final String USER_AGENT =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0 Safari/537.36 FinPilot/1.0";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  /** A provider's answer: the HTTP status and the body as text. */
  record Response(int status, String body) {}

  private final String provider;
  private final HttpClient client;
  private final Duration timeout;

  ProviderHttp(String provider, HttpClient client, Duration timeout) {
    this.provider = provider;
    this.client = client;
    this.timeout = timeout;
  }

  /** A client shared by the providers of one function instance (it keeps connections open). */
  static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  Response get(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("User-Agent", USER_AGENT)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body());
    } catch (HttpTimeoutException e) {
      throw failure(Kind.UNAVAILABLE, "no answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      throw failure(Kind.UNAVAILABLE, "connection failed (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(Kind.UNAVAILABLE, "interrupted while waiting for an answer");
    }
  }

  /**
   * The failure an HTTP error status means, for statuses that mean the same at every provider: 429
   * is a throttle, 401 and 403 refuse the credentials, anything else an outage.
   */
  ProviderException statusFailure(int status) {
    if (status == 429) {
      return failure(Kind.RATE_LIMITED, "too many requests (HTTP 429)");
    }
    if (status == 401 || status == 403) {
      return failure(Kind.UNAUTHORIZED, "the request was refused (HTTP " + status + ")");
    }
    return failure(Kind.UNAVAILABLE, "answered HTTP " + status);
  }

  ProviderException failure(Kind kind, String message) {
    return new ProviderException(provider, kind, message);
  }
}
