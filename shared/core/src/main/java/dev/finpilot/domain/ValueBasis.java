package dev.finpilot.domain;

/** Whether a goal's amount is in today's dollars (grown by inflation) or a fixed nominal sum. */
public enum ValueBasis {
  TODAYS_DOLLARS,
  NOMINAL
}
