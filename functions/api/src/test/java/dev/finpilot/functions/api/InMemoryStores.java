package dev.finpilot.functions.api;

import dev.finpilot.accounts.erasure.AccountOwner;
import dev.finpilot.accounts.erasure.PersonalData;
import dev.finpilot.auth.InMemorySessionStore;
import dev.finpilot.auth.LiveConnections;
import dev.finpilot.functions.api.accounts.AttemptCounters;
import dev.finpilot.functions.api.accounts.RefreshToken;
import dev.finpilot.functions.api.accounts.RefreshTokenStore;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.functions.api.accounts.UserStore;
import dev.finpilot.functions.api.limits.BucketStore;
import dev.finpilot.functions.api.limits.InMemoryBucketStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The API's account, limit and idempotency stores in memory, with the conditional semantics of the
 * DynamoDB adapters (a put that must not overwrite, a write on an expected version).
 */
final class InMemoryStores {
  final Users users = new Users();
  final RefreshTokens refreshTokens = new RefreshTokens();
  final InMemorySessionStore sessions = new InMemorySessionStore();
  final Limits limits = new Limits();
  final Idempotency idempotency = new Idempotency();
  final Connections connections = new Connections();
  final AccountsData personalData = new AccountsData(users);

  void clear() {
    connections.clear();
    users.clear();
    refreshTokens.clear();
    sessions.clear();
    limits.clear();
    idempotency.clear();
  }

  static final class Users implements UserStore {
    private final Map<String, User> byId = new HashMap<>();
    private final Map<String, String> emails = new HashMap<>();

    synchronized void clear() {
      byId.clear();
      emails.clear();
    }

    @Override
    public synchronized boolean create(User user) {
      if (emails.containsKey(user.email()) || byId.containsKey(user.userId())) {
        return false;
      }
      emails.put(user.email(), user.userId());
      byId.put(user.userId(), user);
      return true;
    }

    @Override
    public synchronized Optional<User> find(String userId) {
      return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public synchronized Optional<User> findByEmail(String normalizedEmail) {
      return Optional.ofNullable(emails.get(normalizedEmail)).map(byId::get);
    }

    @Override
    public synchronized void updatePasswordHash(String userId, String passwordHash) {
      byId.computeIfPresent(userId, (id, u) -> u.withPasswordHash(passwordHash));
    }

    synchronized void remove(String userId) {
      User user = byId.remove(userId);
      if (user != null) {
        emails.remove(user.email());
      }
    }
  }

  /** Records which connections were closed: "all:<user>" or "session:<user>:<session>". */
  static final class Connections implements LiveConnections {
    final List<String> closed = new CopyOnWriteArrayList<>();

    void clear() {
      closed.clear();
    }

    @Override
    public int closeAll(String userId) {
      closed.add("all:" + userId);
      return 0;
    }

    @Override
    public int closeSession(String userId, String sessionId) {
      closed.add("session:" + userId + ":" + sessionId);
      return 0;
    }
  }

  /**
   * The accounts as the only personal data: the tables' own layouts are the DynamoDB adapter's,
   * tested against the emulator.
   */
  static final class AccountsData implements PersonalData {
    private final Users users;

    AccountsData(Users users) {
      this.users = users;
    }

    @Override
    public Optional<AccountOwner> owner(String userId) {
      return users.find(userId).map(u -> new AccountOwner(u.userId(), u.email()));
    }

    @Override
    public void markErasing(String userId, Instant at) {}

    @Override
    public Map<String, List<Map<String, Object>>> items(AccountOwner owner) {
      return Map.of("UsersTable", List.of(Map.of("userId", owner.userId())));
    }

    @Override
    public void eraseAllButProfile(AccountOwner owner) {}

    @Override
    public void deleteProfile(String userId) {
      users.remove(userId);
    }
  }

  static final class RefreshTokens implements RefreshTokenStore {
    private final Map<String, RefreshToken> byHash = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();

    synchronized void clear() {
      byHash.clear();
      revoked.clear();
    }

    synchronized Set<String> hashes() {
      return Set.copyOf(byHash.keySet());
    }

    @Override
    public synchronized boolean put(RefreshToken token) {
      return byHash.putIfAbsent(token.tokenHash(), token) == null;
    }

    @Override
    public synchronized Optional<RefreshToken> find(String tokenHash) {
      return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public synchronized boolean markUsed(String tokenHash, Instant at) {
      RefreshToken t = byHash.get(tokenHash);
      if (t == null || t.usedAt() != null) {
        return false;
      }
      byHash.put(
          tokenHash, new RefreshToken(t.tokenHash(), t.familyId(), t.userId(), t.expiresAt(), at));
      return true;
    }

    @Override
    public synchronized void revokeFamily(String familyId, String userId, Instant until) {
      revoked.add(familyId);
    }

    @Override
    public synchronized boolean isRevoked(String familyId) {
      return revoked.contains(familyId);
    }
  }

  static final class Limits implements AttemptCounters, BucketStore {
    private final Map<String, Long> attempts = new HashMap<>();
    private final InMemoryBucketStore buckets = new InMemoryBucketStore();

    synchronized void clear() {
      attempts.clear();
      buckets.clear();
    }

    synchronized boolean isEmpty() {
      return attempts.isEmpty() && buckets.isEmpty();
    }

    @Override
    public synchronized long increment(String key, Instant expiresAt) {
      return attempts.merge(key, 1L, Long::sum);
    }

    @Override
    public synchronized long count(String key) {
      return attempts.getOrDefault(key, 0L);
    }

    synchronized Set<String> keys() {
      return Set.copyOf(attempts.keySet());
    }

    @Override
    public OptionalLong take(String key, long now, long interval, long latest, Instant expiresAt) {
      return buckets.take(key, now, interval, latest, expiresAt);
    }

    @Override
    public OptionalLong fullAt(String key) {
      return buckets.fullAt(key);
    }
  }

  static final class Idempotency implements IdempotencyStore {
    private record Kept(String fingerprint, Instant expiresAt, StoredResponse response) {}

    private final Map<String, Kept> byKey = new HashMap<>();

    synchronized void clear() {
      byKey.clear();
    }

    @Override
    public synchronized boolean claim(
        String key, String fingerprint, Instant now, Instant expiresAt) {
      Kept existing = byKey.get(key);
      if (existing != null && existing.expiresAt().isAfter(now)) {
        return false;
      }
      byKey.put(key, new Kept(fingerprint, expiresAt, null));
      return true;
    }

    @Override
    public synchronized Optional<Entry> find(String key, Instant now) {
      Kept existing = byKey.get(key);
      if (existing == null || !existing.expiresAt().isAfter(now)) {
        return Optional.empty();
      }
      return Optional.of(
          new Entry(existing.fingerprint(), Optional.ofNullable(existing.response())));
    }

    @Override
    public synchronized void complete(String key, StoredResponse response) {
      Kept existing = byKey.get(key);
      byKey.put(key, new Kept(existing.fingerprint(), existing.expiresAt(), response));
    }

    @Override
    public synchronized void release(String key) {
      byKey.remove(key);
    }
  }
}
