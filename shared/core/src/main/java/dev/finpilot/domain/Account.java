package dev.finpilot.domain;

import java.util.List;

/** An account the user already holds, by wrapper type, with its current balance. */
public record Account(String id, AccountType type, Money balance) {

  List<FieldError> validate(String path) {
    Validation v = new Validation();
    v.require(id != null && !id.isBlank(), path + ".id", "is required");
    v.notNull(type, path + ".type");
    v.nonNegative(balance, path + ".balance");
    return v.errors();
  }
}
