package dev.finpilot.regulation;

import dev.finpilot.domain.FilingStatus;

/**
 * The bracket schedules the data set holds: single and married filing jointly. Married filing
 * separately uses the single schedule, which is exact up to the MFS top of the 35% bracket (half
 * the joint edge, $375,800 in 2025) and understates tax above it; heads of household use the single
 * schedule, which overstates their tax slightly. {@link TaxBrackets#scheduleOf()} tells which one
 * was used.
 */
public record IncomeTaxSchedules(TaxBrackets single, TaxBrackets marriedJoint, Citation source) {

  public TaxBrackets forStatus(FilingStatus status) {
    return status == FilingStatus.MARRIED_FILING_JOINTLY ? marriedJoint : single;
  }
}
