package dev.finpilot.planning;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Contribution;
import dev.finpilot.domain.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strategy's monthly waterfall: the saving budget split into slices in priority order, and the
 * employer match the planned deferral earns ({@link WaterfallBuilder} runs it).
 *
 * @param savingBudget what the strategy planned with (the surplus less its cushion)
 * @param slices the waterfall, in priority order
 * @param employerMatch the employer's monthly match at the planned deferral
 */
record Waterfall(Money savingBudget, List<Slice> slices, Money employerMatch) {

  Waterfall {
    slices = List.copyOf(slices);
  }

  Money total(SavingBucket bucket) {
    return total(slices, bucket);
  }

  static Money total(List<Slice> slices, SavingBucket bucket) {
    return slices.stream()
        .filter(s -> s.bucket() == bucket)
        .map(Slice::monthly)
        .reduce(Money.zeroUsd(), Money::plus);
  }

  /** Everything planned a month: contributions plus extra debt payments. */
  Money planned() {
    return slices.stream().map(Slice::monthly).reduce(Money.zeroUsd(), Money::plus);
  }

  /** The monthly saving kept in cash: the starter fund, then the emergency fund. */
  Money cashSaving() {
    return total(SavingBucket.STARTER_FUND).plus(total(SavingBucket.EMERGENCY_FUND));
  }

  /** The monthly payments above the debts' minimums. */
  Money extraDebtPayments() {
    return total(SavingBucket.HIGH_INTEREST_DEBT).plus(total(SavingBucket.OTHER_DEBT));
  }

  /** Contributions per account, in the order the waterfall first funded them. */
  List<Contribution> contributions() {
    Map<AccountType, Money> byAccount = new LinkedHashMap<>();
    for (Slice s : slices) {
      if (!s.isDebt() && s.monthly().isPositive()) {
        byAccount.merge(s.account(), s.monthly(), Money::plus);
      }
    }
    List<Contribution> contributions = new ArrayList<>();
    byAccount.forEach((account, monthly) -> contributions.add(new Contribution(account, monthly)));
    return contributions;
  }
}
