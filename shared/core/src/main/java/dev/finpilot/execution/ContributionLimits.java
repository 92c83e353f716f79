package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import java.util.Optional;

/**
 * Port to the regulation tables: the annual contribution limit that applies to one person for an
 * account type in a tax year. Limits depend on age (catch-up contributions) and, for an HSA, on
 * coverage, so an implementation is bound to one person when the ledger is built for a request. The
 * returned limit's {@code sharedBy} must contain {@code account}.
 */
@FunctionalInterface
public interface ContributionLimits {

  /** Empty when no limit is known for that year; the ledger then refuses the contribution. */
  Optional<ContributionLimit> limitFor(AccountType account, int taxYear);
}
