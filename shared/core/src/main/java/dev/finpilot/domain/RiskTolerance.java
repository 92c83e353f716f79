package dev.finpilot.domain;

import java.math.BigDecimal;

/**
 * The investor's stated tolerance, with the highest equity share a plan may hold for it. The caps
 * follow the common 30/60/90 bands of risk questionnaires (see docs/finance-conventions.md).
 */
public enum RiskTolerance {
  CONSERVATIVE(new BigDecimal("0.40")),
  MODERATE(new BigDecimal("0.70")),
  AGGRESSIVE(new BigDecimal("1.00"));

  private final BigDecimal maxEquityShare;

  RiskTolerance(BigDecimal maxEquityShare) {
    this.maxEquityShare = maxEquityShare;
  }

  public BigDecimal maxEquityShare() {
    return maxEquityShare;
  }
}
