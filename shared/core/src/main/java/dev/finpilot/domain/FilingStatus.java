package dev.finpilot.domain;

public enum FilingStatus {
  SINGLE,
  MARRIED_FILING_JOINTLY,
  MARRIED_FILING_SEPARATELY,
  HEAD_OF_HOUSEHOLD
}
