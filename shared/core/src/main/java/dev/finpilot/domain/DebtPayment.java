package dev.finpilot.domain;

/** Monthly payment on one debt; {@code order} 1 is the debt that gets every extra dollar first. */
public record DebtPayment(String debtName, Money monthlyAmount, int order) {}
