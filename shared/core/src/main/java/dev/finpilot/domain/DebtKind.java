package dev.finpilot.domain;

public enum DebtKind {
  CREDIT_CARD,
  STUDENT_LOAN,
  AUTO_LOAN,
  MORTGAGE,
  PERSONAL_LOAN,
  MEDICAL,
  OTHER;

  public boolean isHousing() {
    return this == MORTGAGE;
  }
}
