package dev.finpilot.execution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.finpilot.domain.AccountType;
import java.util.Objects;

/**
 * Where a posting lands: one of the user's own accounts, or the outside world. Deposits, fees and
 * market gains come from or go to {@link #EXTERNAL}, which is what lets every transaction's
 * postings sum to zero and money be conserved across the whole book.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Book.Own.class, name = "OWN"),
  @JsonSubTypes.Type(value = Book.External.class, name = "EXTERNAL")
})
public sealed interface Book {

  Book EXTERNAL = new External();

  static Book of(AccountType type) {
    return new Own(type);
  }

  /** A short stable name, used in messages and as the storage key. */
  String key();

  /**
   * One of the user's accounts, identified by its wrapper type (a user has at most one of each).
   */
  record Own(AccountType type) implements Book {
    public Own {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public String key() {
      return type.name();
    }
  }

  /** Everything outside the user's accounts: employers, banks, the market, fee collectors. */
  record External() implements Book {
    @Override
    public String key() {
      return "EXTERNAL";
    }
  }
}
