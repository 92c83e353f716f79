package dev.finpilot.regulation;

import dev.finpilot.domain.FilingStatus;
import dev.finpilot.domain.Money;

/** Standard deductions by filing status; married filing separately equals single. */
public record StandardDeductions(
    Money single, Money marriedJoint, Money headOfHousehold, Citation source) {

  public Money forStatus(FilingStatus status) {
    return switch (status) {
      case SINGLE, MARRIED_FILING_SEPARATELY -> single;
      case MARRIED_FILING_JOINTLY -> marriedJoint;
      case HEAD_OF_HOUSEHOLD -> headOfHousehold;
    };
  }
}
