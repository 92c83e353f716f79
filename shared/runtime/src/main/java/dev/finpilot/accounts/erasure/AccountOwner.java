package dev.finpilot.accounts.erasure;

import java.util.Objects;

/**
 * Whose data: an account's id, which keys most of what FinPilot keeps about it, and its e-mail
 * address, which keys the rest (the address lookup and the login-attempt counters).
 */
public record AccountOwner(String userId, String email) {
  public AccountOwner {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(email, "email");
  }

  /** Never prints the address. */
  @Override
  public String toString() {
    return "AccountOwner[userId=" + userId + "]";
  }
}
