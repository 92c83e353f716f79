package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.regulation.TaxYearLimits;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;

/**
 * The ledger's contribution limits for one household, from the year-keyed regulatory table: the
 * age-adjusted deferral, IRA and HSA limits, with the limits the IRS shares across account types.
 * 529 plans have no federal annual limit, so the ledger never asks for one ({@link
 * dev.finpilot.domain.AccountType#hasAnnualContributionLimit()}).
 */
public final class HouseholdContributionLimits implements ContributionLimits {

  private final RegulatoryTable table;
  private final FinancialState state;
  private final int asOfYear;

  public HouseholdContributionLimits(RegulatoryTable table, FinancialState state, LocalDate asOf) {
    this.table = table;
    this.state = state;
    this.asOfYear = asOf.getYear();
  }

  @Override
  public Optional<ContributionLimit> limitFor(AccountType account, int taxYear) {
    if (!table.supports(taxYear)) {
      return Optional.empty();
    }
    TaxYearLimits year = table.year(taxYear);
    // Ages are attained by December 31 of the tax year, as the catch-up rules read them.
    int age = state.age() + (taxYear - asOfYear);
    return switch (account) {
      case EMPLOYER_401K, EMPLOYER_403B ->
          Optional.of(
              new ContributionLimit(
                  year.employerPlanDeferralLimit(age).value(),
                  EnumSet.of(AccountType.EMPLOYER_401K, AccountType.EMPLOYER_403B)));
      case TRADITIONAL_IRA, ROTH_IRA ->
          Optional.of(
              new ContributionLimit(
                  year.iraLimit(age).value(),
                  EnumSet.of(AccountType.TRADITIONAL_IRA, AccountType.ROTH_IRA)));
      case HSA ->
          state.hsaCoverage() == HsaCoverage.NONE
              ? Optional.empty()
              : Optional.of(
                  new ContributionLimit(
                      year.hsaLimit(state.hsaCoverage(), age).value(),
                      EnumSet.of(AccountType.HSA)));
      default -> Optional.empty();
    };
  }
}
