package dev.finpilot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.finpilot.auth.TokenRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
  static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");
  static final SigningKey K1 = SigningKey.of("k1", "a".repeat(64));
  static final SigningKey K2 = SigningKey.of("k2", "b".repeat(64));

  private final AccessTokens tokens = tokensAt(NOW, new SigningKeys(K1, List.of()));

  static AccessTokens tokensAt(Instant instant, SigningKeys keys) {
    return new AccessTokens(() -> keys, Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void anIssuedTokenVerifiesAndNamesItsUser() {
    AccessToken issued = tokens.issue("user-1", "s-1");

    AccessToken verified = tokens.verify(issued.token());

    assertThat(verified.userId()).isEqualTo("user-1");
    assertThat(verified.sessionId()).isEqualTo("s-1");
    assertThat(verified.tokenId()).isEqualTo(issued.tokenId());
    assertThat(verified.expiresAt()).isEqualTo(NOW.plus(AccessTokens.LIFETIME));
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  @Test
  void everyTokenHasItsOwnId() {
    assertThat(tokens.issue("u", "s-1").tokenId()).isNotEqualTo(tokens.issue("u", "s-1").tokenId());
  }

  @Test
  void aTokenExpiresAfterFifteenMinutesExactly() {
    String token = tokens.issue("user-1", "s-1").token();
    SigningKeys keys = new SigningKeys(K1, List.of());

    assertThat(tokensAt(NOW.plus(Duration.ofMinutes(15)).minusSeconds(1), keys).verify(token))
        .isNotNull();
    assertRejected(tokensAt(NOW.plus(Duration.ofMinutes(15)), keys), token, Reason.EXPIRED);
  }

  @Test
  void aChangedPayloadBreaksTheSignature() {
    String[] parts = tokens.issue("user-1", "s-1").token().split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("user-1", "user-2");
    String forged = parts[0] + "." + base64(payload) + "." + parts[2];

    assertRejected(tokens, forged, Reason.BAD_SIGNATURE);
  }

  @Test
  void aChangedSignatureIsRefused() {
    String token = tokens.issue("user-1", "s-1").token();
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);

    assertRejected(tokens, tampered, Reason.BAD_SIGNATURE);
  }

  @Test
  void anUnsecuredTokenWithAlgNoneIsRefused() {
    String[] parts = tokens.issue("user-1", "s-1").token().split("\\.");
    String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"k1\"}");

    assertRejected(tokens, header + "." + parts[1] + ".", Reason.MALFORMED);
    assertRejected(tokens, header + "." + parts[1] + "." + parts[2], Reason.MALFORMED);
  }

  @Test
  void otherAlgorithmsAreRefusedEvenWithTheRightKey() throws Exception {
    assertRejected(tokens, signed(JWSAlgorithm.HS512, K1, claims()), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void aTokenSignedWithAnotherKeyUnderAKnownKidIsRefused() throws Exception {
    SigningKey impostor = SigningKey.of("k1", "c".repeat(64));

    assertRejected(tokens, signed(JWSAlgorithm.HS256, impostor, claims()), Reason.BAD_SIGNATURE);
  }

  @Test
  void anUnknownKidIsRefused() throws Exception {
    assertRejected(tokens, signed(JWSAlgorithm.HS256, K2, claims()), Reason.UNKNOWN_KEY);
  }

  @Test
  void aPreviousKeyStillVerifiesAfterRotationAndARetiredOneDoesNot() {
    String oldToken = tokens.issue("user-1", "s-1").token();

    AccessTokens rotated = tokensAt(NOW, new SigningKeys(K2, List.of(K1)));
    assertThat(rotated.verify(oldToken).userId()).isEqualTo("user-1");
    assertThat(rotated.issue("user-1", "s-1").token()).isNotNull();
    assertThat(rotated.verify(rotated.issue("user-2", "s-1").token()).userId()).isEqualTo("user-2");

    assertRejected(tokensAt(NOW, new SigningKeys(K2, List.of())), oldToken, Reason.UNKNOWN_KEY);
  }

  @Test
  void wrongIssuerOrAudienceIsRefused() throws Exception {
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.issuer("https://evil.example"))),
        Reason.WRONG_ISSUER);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.audience("other-api"))),
        Reason.WRONG_AUDIENCE);
    assertRejected(
        tokens,
        signed(
            JWSAlgorithm.HS256, K1, claims(b -> b.audience(List.of(AccessTokens.AUDIENCE, "x")))),
        Reason.WRONG_AUDIENCE);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.audience((String) null))),
        Reason.WRONG_AUDIENCE);
  }

  @Test
  void missingClaimsAreRefused() throws Exception {
    assertRejected(
        tokens, signed(JWSAlgorithm.HS256, K1, claims(b -> b.subject(null))), Reason.MISSING_CLAIM);
    assertRejected(
        tokens, signed(JWSAlgorithm.HS256, K1, claims(b -> b.subject(" "))), Reason.MISSING_CLAIM);
    assertRejected(
        tokens, signed(JWSAlgorithm.HS256, K1, claims(b -> b.jwtID(null))), Reason.MISSING_CLAIM);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.claim(AccessTokens.SESSION_CLAIM, null))),
        Reason.MISSING_CLAIM);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.claim(AccessTokens.SESSION_CLAIM, 42))),
        Reason.MISSING_CLAIM);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.issueTime(null))),
        Reason.MISSING_CLAIM);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.expirationTime(null))),
        Reason.MISSING_CLAIM);
  }

  @Test
  void tokensFromTheFutureOrLivingTooLongAreRefused() throws Exception {
    Instant later = NOW.plus(Duration.ofMinutes(1));
    assertRejected(
        tokens,
        signed(
            JWSAlgorithm.HS256,
            K1,
            claims(
                b ->
                    b.issueTime(Date.from(later))
                        .expirationTime(Date.from(later.plusSeconds(600))))),
        Reason.NOT_YET_VALID);
    assertRejected(
        tokens,
        signed(JWSAlgorithm.HS256, K1, claims(b -> b.notBeforeTime(Date.from(NOW)))),
        Reason.NOT_YET_VALID);
    assertRejected(
        tokens,
        signed(
            JWSAlgorithm.HS256,
            K1,
            claims(b -> b.expirationTime(Date.from(NOW.plus(Duration.ofDays(365)))))),
        Reason.MALFORMED);
  }

  @Test
  void aSmallClockSkewOnIssueTimeIsTolerated() throws Exception {
    Instant slightlyAhead = NOW.plusSeconds(20);
    String token =
        signed(
            JWSAlgorithm.HS256,
            K1,
            claims(
                b ->
                    b.issueTime(Date.from(slightlyAhead))
                        .expirationTime(Date.from(slightlyAhead.plusSeconds(60)))));

    assertThat(tokens.verify(token).userId()).isEqualTo("user-1");
  }

  @Test
  void garbageIsRefusedAsMalformed() {
    for (String garbage :
        List.of("", "abc", "a.b.c", "Bearer x", "x".repeat(AccessTokens.MAX_TOKEN_LENGTH + 1))) {
      assertRejected(tokens, garbage, Reason.MALFORMED);
    }
    assertRejected(tokens, null, Reason.MALFORMED);
  }

  @Test
  void claimsThatAreNotAnObjectAreMalformed() {
    String header = base64("{\"alg\":\"HS256\",\"kid\":\"k1\"}");
    String token = header + "." + base64("[1,2]") + ".c2ln";

    assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(TokenRejectedException.class);
  }

  static void assertRejected(AccessTokens tokens, String token, Reason reason) {
    assertThatThrownBy(() -> tokens.verify(token))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  static JWTClaimsSet claims() {
    return claims(b -> b);
  }

  static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    return change
        .apply(
            new JWTClaimsSet.Builder()
                .issuer(AccessTokens.ISSUER)
                .audience(AccessTokens.AUDIENCE)
                .subject("user-1")
                .jwtID("t-1")
                .claim(AccessTokens.SESSION_CLAIM, "s-1")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(AccessTokens.LIFETIME))))
        .build();
  }

  static String signed(JWSAlgorithm alg, SigningKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).keyID(key.kid()).build(), claims);
    jwt.sign(new MACSigner(key.secret()));
    return jwt.serialize();
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
