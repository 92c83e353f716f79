package dev.finpilot.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access token of an {@code Authorization: Bearer <token>} header (RFC 6750, section 2.1). The
 * scheme is case-insensitive; the token must be one run of base64url characters and dots, which
 * every JWS compact token is. Shared by the HTTP API's authorizer and the WebSocket API's {@code
 * $connect}.
 */
public final class BearerToken {
  private static final Pattern BEARER =
      Pattern.compile("Bearer +([A-Za-z0-9._~+/-]+=*)", Pattern.CASE_INSENSITIVE);

  private BearerToken() {}

  /**
   * API Gateway hands the configured identity source (the Authorization header) over in {@code
   * identitySource}; the headers are the fallback for a caller that builds events by hand.
   */
  public static Optional<String> from(List<String> identitySource, Map<String, String> headers) {
    if (identitySource != null && !identitySource.isEmpty()) {
      return parse(identitySource.get(0));
    }
    if (headers == null) {
      return Optional.empty();
    }
    return headers.entrySet().stream()
        .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals("authorization"))
        .findFirst()
        .flatMap(e -> parse(e.getValue()));
  }

  public static Optional<String> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = BEARER.matcher(header.strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
