package dev.finpilot.domain;

public enum GoalType {
  RETIREMENT,
  EMERGENCY_FUND,
  HOME_PURCHASE,
  EDUCATION,
  DEBT_PAYOFF,
  GENERAL_INVESTING,
  SAVINGS
}
