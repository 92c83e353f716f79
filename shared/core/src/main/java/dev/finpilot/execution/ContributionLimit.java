package dev.finpilot.execution;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An annual contribution limit and the account types that share it. Sharing matters: the IRA limit
 * covers traditional and Roth IRAs together, and the 402(g) deferral limit covers 401(k) and 403(b)
 * plans together (IRS Notice 2024-80).
 */
public record ContributionLimit(Money annualLimit, Set<AccountType> sharedBy) {

  public ContributionLimit {
    Objects.requireNonNull(annualLimit, "annualLimit");
    if (annualLimit.isNegative()) {
      throw new IllegalArgumentException("annualLimit must not be negative");
    }
    if (sharedBy == null || sharedBy.isEmpty()) {
      throw new IllegalArgumentException("sharedBy must name at least one account type");
    }
    sharedBy = Collections.unmodifiableSet(EnumSet.copyOf(sharedBy));
  }

  public static ContributionLimit of(Money annualLimit, AccountType first, AccountType... rest) {
    return new ContributionLimit(annualLimit, EnumSet.of(first, rest));
  }
}
