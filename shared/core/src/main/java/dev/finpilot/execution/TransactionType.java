package dev.finpilot.execution;

/** What a transaction does; one per ledger step kind. */
public enum TransactionType {
  OPEN_ACCOUNT,
  DEPOSIT,
  WITHDRAWAL,
  CONTRIBUTION,
  TRANSFER,
  BUY,
  SELL,
  FEE
}
