package dev.finpilot.regulation;

import dev.finpilot.domain.FilingStatus;

/**
 * Roth IRA contribution phase-outs by filing status. Heads of household use the single range;
 * married filing separately uses the $0-$10,000 range (strictly, only when the spouses lived
 * together during the year; those living apart all year use the single range).
 */
public record RothIraPhaseOuts(
    PhaseOut single, PhaseOut marriedJoint, PhaseOut marriedSeparate, Citation source) {

  public PhaseOut forStatus(FilingStatus status) {
    return switch (status) {
      case SINGLE, HEAD_OF_HOUSEHOLD -> single;
      case MARRIED_FILING_JOINTLY -> marriedJoint;
      case MARRIED_FILING_SEPARATELY -> marriedSeparate;
    };
  }
}
