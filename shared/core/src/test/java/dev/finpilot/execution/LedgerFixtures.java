package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.EMPLOYER_401K;
import static dev.finpilot.domain.AccountType.EMPLOYER_403B;
import static dev.finpilot.domain.AccountType.HSA;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.domain.AccountType.TRADITIONAL_IRA;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared set-up for ledger tests: a fixed clock and the 2025/2026 limits of a person under 50. */
final class LedgerFixtures {

  static final String USER = "user-1";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-02T14:30:00Z"), ZoneOffset.UTC);
  static final Asset VTI = Asset.security("VTI", AssetClass.US_LARGE_CAP);
  static final Asset BND = Asset.security("BND", AssetClass.TREASURY_BOND);

  /** IRS Notice 2024-80 and 2025-67 figures, age under 50, HSA self-only. */
  static final ContributionLimits LIMITS =
      (account, year) -> {
        Map<AccountType, ContributionLimit> table =
            switch (year) {
              case 2025 ->
                  Map.of(
                      TRADITIONAL_IRA, ira("7000"),
                      ROTH_IRA, ira("7000"),
                      EMPLOYER_401K, deferral("23500"),
                      EMPLOYER_403B, deferral("23500"),
                      HSA, ContributionLimit.of(Money.usd("4300"), HSA));
              case 2026 -> Map.of(TRADITIONAL_IRA, ira("7500"), ROTH_IRA, ira("7500"));
              default -> Map.of();
            };
        return Optional.ofNullable(table.get(account));
      };

  private LedgerFixtures() {}

  private static ContributionLimit ira(String limit) {
    return ContributionLimit.of(Money.usd(limit), TRADITIONAL_IRA, ROTH_IRA);
  }

  private static ContributionLimit deferral(String limit) {
    return ContributionLimit.of(Money.usd(limit), EMPLOYER_401K, EMPLOYER_403B);
  }

  static Ledger ledger() {
    return new Ledger(new InMemoryLedgerStore(), LIMITS, CLOCK);
  }

  static ExecutionRequest plan(String key, LedgerStep... steps) {
    return ExecutionRequest.forPlan(USER, "plan-1", 1, key, List.of(steps));
  }

  static ExecutionResult run(Ledger ledger, String key, LedgerStep... steps) {
    return ledger.apply(plan(key, steps));
  }

  /** Opens cash, taxable and Roth accounts and puts {@code cash} (if any) into the cash account. */
  static Ledger fundedLedger(String cash) {
    Ledger ledger = ledger();
    List<LedgerStep> steps = new ArrayList<>();
    steps.add(new OpenAccountStep(CASH));
    steps.add(new OpenAccountStep(TAXABLE_BROKERAGE));
    steps.add(new OpenAccountStep(ROTH_IRA));
    if (Money.usd(cash).isPositive()) {
      steps.add(new DepositStep(CASH, Money.usd(cash)));
    }
    ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "setup", steps)).orThrow();
    return ledger;
  }

  static BigDecimal qty(String value) {
    return new BigDecimal(value);
  }

  static Money cash(Ledger ledger, AccountType type) {
    return ledger.books(USER).require(type).cash();
  }
}
