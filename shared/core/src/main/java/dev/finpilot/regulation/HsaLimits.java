package dev.finpilot.regulation;

import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;

/**
 * HSA contribution limits and the HDHP thresholds that make a plan HSA-eligible. Without HDHP
 * coverage nothing may be contributed; the 55+ catch-up is statutory (IRC 223(b)(3)) and not
 * indexed.
 */
public record HsaLimits(
    Money selfOnly,
    Money family,
    Money catchUp55,
    int catchUpAge,
    Money hdhpMinDeductibleSelf,
    Money hdhpMinDeductibleFamily,
    Money hdhpOutOfPocketMaxSelf,
    Money hdhpOutOfPocketMaxFamily,
    Citation source) {

  public Money limit(HsaCoverage coverage, int age) {
    Ages.require(age);
    Money base =
        switch (coverage) {
          case NONE -> Money.zero(selfOnly.currency());
          case SELF_ONLY -> selfOnly;
          case FAMILY -> family;
        };
    boolean catchUp = coverage != HsaCoverage.NONE && age >= catchUpAge;
    return catchUp ? base.plus(catchUp55) : base;
  }
}
