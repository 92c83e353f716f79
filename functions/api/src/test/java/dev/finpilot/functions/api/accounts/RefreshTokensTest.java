package dev.finpilot.functions.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RefreshTokensTest {
  static final Instant NOW = Instant.parse("2026-03-02T14:05:07Z");

  /** Stores tokens; can play a second request that uses the token between find and markUsed. */
  static final class Store implements RefreshTokenStore {
    final Map<String, RefreshToken> tokens = new HashMap<>();
    final Set<String> revoked = new HashSet<>();
    boolean raceOnMark;

    @Override
    public boolean put(RefreshToken token) {
      return tokens.putIfAbsent(token.tokenHash(), token) == null;
    }

    @Override
    public Optional<RefreshToken> find(String tokenHash) {
      return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant at) {
      RefreshToken t = tokens.get(tokenHash);
      if (raceOnMark || t == null || t.usedAt() != null) {
        return false;
      }
      tokens.put(
          tokenHash, new RefreshToken(t.tokenHash(), t.familyId(), t.userId(), t.expiresAt(), at));
      return true;
    }

    @Override
    public void revokeFamily(String familyId, String userId, Instant until) {
      revoked.add(familyId);
    }

    @Override
    public boolean isRevoked(String familyId) {
      return revoked.contains(familyId);
    }
  }

  final Store store = new Store();
  final RefreshTokens tokens =
      new RefreshTokens(store, new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aTokenIs256RandomBitsStoredOnlyAsItsHash() {
    RefreshTokens.Issued issued = tokens.start("user-1", "session-1");

    assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
    assertThat(store.tokens).containsOnlyKeys(RefreshTokens.hash(issued.token()));
    assertThat(issued.expiresAt()).isEqualTo(NOW.plus(RefreshTokens.LIFETIME));
    assertThat(issued.toString()).doesNotContain(issued.token());
  }

  @Test
  void twoRequestsRacingWithOneTokenRevokeItsFamily() {
    RefreshTokens.Issued issued = tokens.start("user-1", "session-1");
    store.raceOnMark = true;

    assertThat(tokens.rotate(issued.token())).isInstanceOf(RefreshTokens.Rotation.Reused.class);
    assertThat(store.revoked).hasSize(1);
  }

  @Test
  void aRevokedFamilysTokensAreRefused() {
    RefreshTokens.Issued issued = tokens.start("user-1", "session-1");
    assertThat(tokens.revoke(issued.token(), "user-1")).contains("session-1");

    assertThat(tokens.rotate(issued.token()))
        .isEqualTo(new RefreshTokens.Rotation.Refused("the refresh token was revoked"));
    assertThat(tokens.revoke(issued.token(), "someone-else")).isEmpty();
    assertThat(tokens.revoke(null, "user-1")).isEmpty();
  }
}
