package dev.finpilot.functions.api.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * An account. {@code email} is stored normalised (trimmed, lower case) and is unique; {@code
 * passwordHash} is a {@link PasswordHasher} string and never leaves the API.
 */
public record User(
    String userId, String email, String displayName, String passwordHash, Instant createdAt) {

  public User {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(passwordHash, "passwordHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public User withPasswordHash(String hash) {
    return new User(userId, email, displayName, hash, createdAt);
  }

  /** Never prints the hash. */
  @Override
  public String toString() {
    return "User[userId=" + userId + "]";
  }
}
