package dev.finpilot.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * A debt with its annual percentage rate as a fraction ({@code 0.229} is 22.9% APR) and the
 * contractual minimum monthly payment.
 */
public record Debt(
    String name, DebtKind kind, Money balance, BigDecimal apr, Money minimumPayment) {

  /** Above this APR a debt is paid down before any investing beyond the employer match. */
  public static final BigDecimal HIGH_INTEREST_APR = new BigDecimal("0.08");

  public boolean isHighInterest() {
    return apr.compareTo(HIGH_INTEREST_APR) > 0;
  }

  List<FieldError> validate(String path) {
    Validation v = new Validation();
    v.require(name != null && !name.isBlank(), path + ".name", "is required");
    v.notNull(kind, path + ".kind");
    v.nonNegative(balance, path + ".balance");
    v.between(apr, BigDecimal.ZERO, BigDecimal.ONE, path + ".apr");
    v.nonNegative(minimumPayment, path + ".minimumPayment");
    return v.errors();
  }
}
