package dev.finpilot.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.finpilot.auth.TokenRejectedException.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues and checks FinPilot access tokens: JWS compact tokens signed with HMAC-SHA256 (HS256),
 * valid for {@link #LIFETIME}, issued by {@link #ISSUER} for the audience {@link #AUDIENCE}.
 *
 * <p>Checking is strict and in a fixed order: the header must name HS256 exactly (so {@code alg:
 * none} and every public-key algorithm are refused before any key is touched) and a known {@code
 * kid}; the signature must match; issuer and audience must be exactly FinPilot's; {@code sub},
 * {@code sid}, {@code jti}, {@code iat} and {@code exp} must be present (a token without {@code
 * sid} was issued before sessions existed and is refused: its holder logs in again); {@code exp}
 * must lie in the future. Only {@code iat} may be up to {@link #CLOCK_SKEW} ahead of this clock
 * (another Lambda's clock may run slightly fast); expiry is never stretched.
 */
public final class AccessTokens {
  public static final String ISSUER = "https://finpilot.dev";
  public static final String AUDIENCE = "finpilot-api";
  public static final Duration LIFETIME = Duration.ofMinutes(15);
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** Longer than any token FinPilot issues; longer input is refused before it is parsed. */
  static final int MAX_TOKEN_LENGTH = 4096;

  private final SigningKeySource keys;
  private final Clock clock;

  public AccessTokens(SigningKeySource keys, Clock clock) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The claim naming the session a token belongs to. */
  public static final String SESSION_CLAIM = "sid";

  /** A new token for the user's session, signed with the current key. */
  public AccessToken issue(String userId, String sessionId) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(sessionId, "sessionId");
    SigningKey key = keys.keys().current();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(LIFETIME);
    String tokenId = UUID.randomUUID().toString();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(userId)
            .jwtID(tokenId)
            .claim(SESSION_CLAIM, sessionId)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.kid())
                .build(),
            claims);
    try {
      jwt.sign(new MACSigner(key.secret()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign with key " + key.kid(), e);
    }
    return new AccessToken(jwt.serialize(), userId, sessionId, tokenId, expiresAt);
  }

  /**
   * The token's content, if every check passes.
   *
   * @throws TokenRejectedException naming the first check that failed
   */
  public AccessToken verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new TokenRejectedException(Reason.MALFORMED, "empty or oversized token");
    }
    SignedJWT jwt = parse(token);
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
      throw new TokenRejectedException(
          Reason.UNSUPPORTED_ALGORITHM, "alg " + header.getAlgorithm() + " is not HS256");
    }
    SigningKey key =
        keys.keys()
            .forKid(header.getKeyID())
            .orElseThrow(
                () -> new TokenRejectedException(Reason.UNKNOWN_KEY, "kid " + header.getKeyID()));
    if (!signatureMatches(jwt, key)) {
      throw new TokenRejectedException(Reason.BAD_SIGNATURE, "signature does not match");
    }
    return checkClaims(token, claims(jwt));
  }

  private AccessToken checkClaims(String token, JWTClaimsSet claims) {
    if (!ISSUER.equals(claims.getIssuer())) {
      throw new TokenRejectedException(Reason.WRONG_ISSUER, "iss " + claims.getIssuer());
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.equals(List.of(AUDIENCE))) {
      throw new TokenRejectedException(Reason.WRONG_AUDIENCE, "aud " + audience);
    }
    String subject = required(claims.getSubject(), "sub");
    String tokenId = required(claims.getJWTID(), "jti");
    String sessionId = required(sessionId(claims), SESSION_CLAIM);
    Instant issuedAt = required(claims.getIssueTime(), "iat").toInstant();
    Instant expiresAt = required(claims.getExpirationTime(), "exp").toInstant();
    Instant now = clock.instant();
    if (!now.isBefore(expiresAt)) {
      throw new TokenRejectedException(Reason.EXPIRED, "expired at " + expiresAt, subject);
    }
    if (issuedAt.isAfter(now.plus(CLOCK_SKEW)) || claims.getNotBeforeTime() != null) {
      throw new TokenRejectedException(Reason.NOT_YET_VALID, "issued at " + issuedAt);
    }
    if (expiresAt.isAfter(issuedAt.plus(LIFETIME))) {
      // Only a forger could have made a token that lives longer than FinPilot's tokens do.
      throw new TokenRejectedException(Reason.MALFORMED, "lifetime exceeds " + LIFETIME);
    }
    return new AccessToken(token, subject, sessionId, tokenId, expiresAt);
  }

  private static SignedJWT parse(String token) {
    try {
      // A JWS has three parts; "alg": "none" (an unsecured JWT) has no JWS header and fails here.
      return SignedJWT.parse(token);
    } catch (ParseException e) {
      throw new TokenRejectedException(Reason.MALFORMED, "not a JWS: " + e.getMessage());
    }
  }

  private static boolean signatureMatches(SignedJWT jwt, SigningKey key) {
    try {
      return jwt.verify(new MACVerifier(key.secret()));
    } catch (JOSEException e) {
      // For example a "crit" header this verifier does not understand.
      return false;
    }
  }

  private static JWTClaimsSet claims(SignedJWT jwt) {
    try {
      return jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new TokenRejectedException(Reason.MALFORMED, "claims are not a JSON object");
    }
  }

  private static String sessionId(JWTClaimsSet claims) {
    Object sid = claims.getClaim(SESSION_CLAIM);
    return sid instanceof String s ? s : null;
  }

  private static <T> T required(T value, String claim) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new TokenRejectedException(Reason.MISSING_CLAIM, claim);
    }
    return value;
  }
}
