package dev.finpilot.testkit.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds {@link APIGatewayV2HTTPEvent}s the way API Gateway HTTP APIs (payload format 2.0) do:
 * lower-cased headers, cookies split out of the {@code cookie} header, decoded query parameters
 * (repeated names joined with commas) next to the raw query string, path parameters from the route
 * key, and the caller's identity only in {@code requestContext.authorizer.lambda}.
 *
 * <pre>{@code
 * APIGatewayV2HTTPEvent event =
 *     HttpApiEvents.get("/v1/plans/p-42").route("GET /v1/plans/{id}").identity("user-1").build();
 * }</pre>
 */
public final class HttpApiEvents {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private HttpApiEvents() {}

  /** A request; {@code pathAndQuery} may carry a query string ({@code /v1/plans?limit=5}). */
  public static Builder request(String method, String pathAndQuery) {
    return new Builder(method.toUpperCase(Locale.ROOT), pathAndQuery);
  }

  public static Builder get(String pathAndQuery) {
    return request("GET", pathAndQuery);
  }

  public static Builder post(String pathAndQuery) {
    return request("POST", pathAndQuery);
  }

  public static Builder put(String pathAndQuery) {
    return request("PUT", pathAndQuery);
  }

  public static Builder delete(String pathAndQuery) {
    return request("DELETE", pathAndQuery);
  }

  /** One request; every setter returns the builder. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final List<String[]> query = new ArrayList<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> cookies = new ArrayList<>();
    private final Map<String, String> stageVariables = new LinkedHashMap<>();
    private RoutePattern route = RoutePattern.parse(RoutePattern.DEFAULT_ROUTE);
    private String rawQueryString;
    private String body;
    private boolean base64Encoded;
    private Map<String, Object> authorizerContext;
    private String sourceIp = "203.0.113.10";
    private String userAgent = "finpilot-testkit";
    private String requestId = UUID.randomUUID().toString();
    private Instant time;
    private String accountId = "123456789012";
    private String apiId = "finpilot01";
    private String region = "us-east-1";

    private Builder(String method, String pathAndQuery) {
      int question = pathAndQuery.indexOf('?');
      this.path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path: must start with '/', was '" + pathAndQuery + "'");
      }
      this.method = method;
      if (question >= 0) {
        rawQueryString = pathAndQuery.substring(question + 1);
        for (String pair : rawQueryString.split("&", -1)) {
          if (!pair.isEmpty()) {
            String[] nameValue = pair.split("=", 2);
            query.add(
                new String[] {
                  decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : ""
                });
          }
        }
      }
    }

    /** The route key that matched, e.g. {@code GET /v1/plans/{id}}; default {@code $default}. */
    public Builder route(String routeKey) {
      this.route = RoutePattern.parse(routeKey);
      return this;
    }

    /** A request header; a repeated header is joined with commas, a cookie header split out. */
    public Builder header(String name, String value) {
      String key = name.toLowerCase(Locale.ROOT);
      if (key.equals("cookie")) {
        for (String cookie : value.split(";", -1)) {
          if (!cookie.isBlank()) {
            cookies.add(cookie.trim());
          }
        }
        return this;
      }
      headers.merge(key, value, (a, b) -> a + "," + b);
      return this;
    }

    /** A query parameter; the raw query string is then rebuilt from all parameters. */
    public Builder query(String name, String value) {
      query.add(new String[] {name, value});
      rawQueryString = null;
      return this;
    }

    public Builder cookie(String name, String value) {
      cookies.add(name + "=" + value);
      return this;
    }

    public Builder stageVariable(String name, String value) {
      stageVariables.put(name, value);
      return this;
    }

    /** A JSON body, sent as text with {@code content-type: application/json}. */
    public Builder jsonBody(String json) {
      return body(json, "application/json");
    }

    public Builder body(String text, String contentType) {
      this.body = text;
      this.base64Encoded = false;
      headers.put("content-type", contentType);
      return this;
    }

    /** A binary body, which API Gateway hands over base64-encoded. */
    public Builder binaryBody(byte[] bytes, String contentType) {
      this.body = Base64.getEncoder().encodeToString(bytes);
      this.base64Encoded = true;
      headers.put("content-type", contentType);
      return this;
    }

    /** The caller as a Lambda authorizer would report it: {@code authorizer.lambda.userId}. */
    public Builder identity(String userId) {
      return authorizerContext(Map.of("userId", userId));
    }

    /** The whole context a Lambda authorizer returned. */
    public Builder authorizerContext(Map<String, Object> context) {
      this.authorizerContext = new LinkedHashMap<>(context);
      return this;
    }

    public Builder sourceIp(String ip) {
      this.sourceIp = ip;
      return this;
    }

    public Builder userAgent(String agent) {
      this.userAgent = agent;
      return this;
    }

    public Builder requestId(String id) {
      this.requestId = id;
      return this;
    }

    public Builder time(Instant instant) {
      this.time = instant;
      return this;
    }

    public Builder api(String accountId, String apiId, String region) {
      this.accountId = accountId;
      this.apiId = apiId;
      this.region = region;
      return this;
    }

    public APIGatewayV2HTTPEvent build() {
      Instant at = time == null ? Instant.now() : time;
      String domainName = apiId + ".execute-api." + region + ".amazonaws.com";
      Map<String, String> pathParameters = route.match(method, path);
      APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = null;
      if (authorizerContext != null) {
        authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        authorizer.setLambda(authorizerContext);
      }
      APIGatewayV2HTTPEvent.RequestContext.Http http =
          APIGatewayV2HTTPEvent.RequestContext.Http.builder()
              .withMethod(method)
              .withPath(path)
              .withProtocol("HTTP/1.1")
              .withSourceIp(sourceIp)
              .withUserAgent(userAgent)
              .build();
      APIGatewayV2HTTPEvent.RequestContext context =
          APIGatewayV2HTTPEvent.RequestContext.builder()
              .withAccountId(accountId)
              .withApiId(apiId)
              .withDomainName(domainName)
              .withDomainPrefix(apiId)
              .withHttp(http)
              .withRequestId(requestId)
              .withRouteKey(route.routeKey())
              .withStage("$default")
              .withTime(REQUEST_TIME.format(at))
              .withTimeEpoch(at.toEpochMilli())
              .withAuthorizer(authorizer)
              .build();
      return APIGatewayV2HTTPEvent.builder()
          .withVersion("2.0")
          .withRouteKey(route.routeKey())
          .withRawPath(path)
          .withRawQueryString(rawQuery())
          .withCookies(cookies.isEmpty() ? null : List.copyOf(cookies))
          .withHeaders(allHeaders(domainName))
          .withQueryStringParameters(queryParameters())
          .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
          .withStageVariables(stageVariables.isEmpty() ? null : Map.copyOf(stageVariables))
          .withBody(body)
          .withIsBase64Encoded(base64Encoded)
          .withRequestContext(context)
          .build();
    }

    private Map<String, String> allHeaders(String domainName) {
      Map<String, String> all = new LinkedHashMap<>();
      if (body != null) {
        all.put("content-length", Integer.toString(bodyLength()));
      }
      all.put("host", domainName);
      all.put("user-agent", userAgent);
      all.put("x-amzn-trace-id", "Root=1-" + traceId());
      all.put("x-forwarded-for", sourceIp);
      all.put("x-forwarded-port", "443");
      all.put("x-forwarded-proto", "https");
      all.putAll(headers);
      return all;
    }

    private int bodyLength() {
      return base64Encoded
          ? Base64.getDecoder().decode(body).length
          : body.getBytes(StandardCharsets.UTF_8).length;
    }

    private String traceId() {
      String hex = requestId.replace("-", "");
      String padded = (hex + "0".repeat(32)).substring(0, 32);
      return padded.substring(0, 8) + "-" + padded.substring(8, 32);
    }

    private String rawQuery() {
      if (rawQueryString != null) {
        return rawQueryString;
      }
      List<String> pairs = new ArrayList<>();
      for (String[] pair : query) {
        pairs.add(encode(pair[0]) + "=" + encode(pair[1]));
      }
      return String.join("&", pairs);
    }

    private Map<String, String> queryParameters() {
      if (query.isEmpty()) {
        return null;
      }
      Map<String, String> parameters = new LinkedHashMap<>();
      for (String[] pair : query) {
        parameters.merge(pair[0], pair[1], (a, b) -> a + "," + b);
      }
      return parameters;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
