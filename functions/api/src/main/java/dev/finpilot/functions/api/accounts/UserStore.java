package dev.finpilot.functions.api.accounts;

import java.util.Optional;

/** Accounts by id and by e-mail address. */
public interface UserStore {

  /** Stores a new account; false if its e-mail address is taken (nothing is written then). */
  boolean create(User user);

  Optional<User> find(String userId);

  Optional<User> findByEmail(String normalizedEmail);

  /** Replaces the stored hash, for example with one of more iterations. */
  void updatePasswordHash(String userId, String passwordHash);
}
