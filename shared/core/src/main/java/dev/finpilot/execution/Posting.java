package dev.finpilot.execution;

import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One leg of a transaction: a change in one asset of one book. {@code amount} is the money side
 * (cash moved, or cost basis added or removed for a security); {@code quantity} is the number of
 * units (shares for a security, equal to the amount for cash). Positive means the book gains.
 */
public record Posting(Book book, Asset asset, BigDecimal quantity, Money amount) {

  public Posting {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(asset, "asset");
    Objects.requireNonNull(amount, "amount");
    quantity = Quantities.normalize(Objects.requireNonNull(quantity, "quantity"));
  }

  public static Posting cash(Book book, Money amount) {
    return new Posting(book, Asset.CASH, amount.amount(), amount);
  }

  /** The two cash legs of moving {@code amount} from one book to another. */
  public static List<Posting> move(Book from, Book to, Money amount) {
    return List.of(cash(from, amount.negate()), cash(to, amount));
  }

  public static Posting units(Book book, Asset asset, BigDecimal quantity, Money costBasis) {
    return new Posting(book, asset, quantity, costBasis);
  }

  /** The leg that undoes this one exactly. */
  public Posting negate() {
    return new Posting(book, asset, quantity.negate(), amount.negate());
  }
}
