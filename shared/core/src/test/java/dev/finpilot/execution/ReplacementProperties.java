package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.domain.AccountType.TRADITIONAL_IRA;
import static dev.finpilot.execution.LedgerFixtures.LIMITS;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Replacing a first month under random plans: within one calendar month the books end exactly as if
 * only the newer month had run; across months both stand, as if no replacement had been asked. Each
 * IRA amount is at most half the 2025 limit, so a month alone always fits and two months together
 * often do not.
 */
class ReplacementProperties {

  private static final String V1 = "plan-1#v1#first-month";
  private static final String V2 = "plan-1#v2#first-month";
  private static final Instant JUNE_2 = Instant.parse("2025-06-02T08:00:00Z");
  private static final Instant JUNE_30 = Instant.parse("2025-06-30T23:59:59Z");
  private static final Instant JULY_1 = Instant.parse("2025-07-01T00:00:00Z");

  private static Ledger at(LedgerStore store, Instant instant) {
    return new Ledger(store, LIMITS, Clock.fixed(instant, ZoneOffset.UTC));
  }

  /** A ledger at {@code instant} whose cash account already holds {@code savings}, if any. */
  private static Ledger withSavings(InMemoryLedgerStore store, Instant instant, long savings) {
    Ledger ledger = at(store, instant);
    if (savings > 0) {
      ledger
          .apply(
              ExecutionRequest.forPlan(
                  USER,
                  "plan-0",
                  1,
                  "savings",
                  List.of(new OpenAccountStep(CASH), new DepositStep(CASH, Money.usd(savings)))))
          .orThrow();
    }
    return ledger;
  }

  /** Savings, then version 1's first month on June 2. */
  private static InMemoryLedgerStore withVersionOne(long savings, Map<AccountType, Money> moves) {
    InMemoryLedgerStore store = new InMemoryLedgerStore();
    Ledger ledger = withSavings(store, JUNE_2, savings);
    ledger.apply(request(1, V1, moves)).orThrow();
    return store;
  }

  /** Savings, then only version 2's first month. */
  private static Books onlyVersionTwo(long savings, Map<AccountType, Money> moves) {
    Ledger ledger = withSavings(new InMemoryLedgerStore(), JUNE_2, savings);
    ledger.apply(request(2, V2, moves)).orThrow();
    return ledger.books(USER);
  }

  private static ExecutionRequest request(int version, String key, Map<AccountType, Money> moves) {
    Money saving = moves.values().stream().reduce(Money.usd(100), Money::plus);
    return ExecutionRequest.forPlan(
        USER, "plan-1", version, key, LedgerReplacementTest.firstMonth(saving, moves));
  }

  @Property(tries = 120, seed = "20250630")
  void withinAMonthOnlyTheNewerFirstMonthStands(
      @ForAll("savings") long savings,
      @ForAll("moves") Map<AccountType, Money> first,
      @ForAll("moves") Map<AccountType, Money> second) {
    InMemoryLedgerStore store = withVersionOne(savings, first);
    Ledger ledger = at(store, JUNE_30);

    ExecutionResult result = ledger.apply(request(2, V2, second).replacing(V1));

    assertThat(result.succeeded()).as("%s", result.failure()).isTrue();
    assertThat(result.reversalsOfReplaced())
        .as("every transaction of version 1 is reversed")
        .hasSameSizeAs(store.execution(USER, V1).orElseThrow().result().transactions());
    Books books = ledger.books(USER);
    assertThat(books.internalBookValue().plus(books.external()).isZero()).isTrue();
    for (AccountType ira : List.of(ROTH_IRA, TRADITIONAL_IRA)) {
      assertThat(books.account(ira).map(a -> a.contributed(2025)))
          .as("%s contributions are version 2's only", ira)
          .isEqualTo(Optional.ofNullable(second.get(ira)));
    }
    Books alone = onlyVersionTwo(savings, second);
    assertThat(books.accounts()).isEqualTo(alone.accounts());
    assertThat(books.external()).isEqualTo(alone.external());
  }

  @Property(tries = 80, seed = "20250701")
  void aFirstMonthOfAnEarlierMonthStandsBesideTheNewOne(
      @ForAll("savings") long savings,
      @ForAll("moves") Map<AccountType, Money> first,
      @ForAll("moves") Map<AccountType, Money> second) {
    InMemoryLedgerStore store = withVersionOne(savings, first);
    Ledger ledger = at(store, JULY_1);

    ExecutionResult result = ledger.apply(request(2, V2, second).replacing(V1));

    InMemoryLedgerStore plain = withVersionOne(savings, first);
    Ledger unreplaced = at(plain, JULY_1);
    ExecutionResult expected = unreplaced.apply(request(2, V2, second));
    Statistics.label("outcome").collect(result.status());
    assertThat(result.reversalsOfReplaced()).isEmpty();
    assertThat(result.status()).isEqualTo(expected.status());
    assertThat(ledger.books(USER)).isEqualTo(unreplaced.books(USER));
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check(ExecutionStatus.COMPLETED).count(n -> n > 0);
              c.check(ExecutionStatus.FAILED).count(n -> n > 0);
            });
  }

  @Provide
  Arbitrary<Long> savings() {
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(0L)), Tuple.of(2, Arbitraries.longs().between(1, 5_000)));
  }

  /** Amounts in cents moved from cash into up to three accounts. */
  @Provide
  Arbitrary<Map<AccountType, Money>> moves() {
    Arbitrary<Money> amount =
        Arbitraries.longs().between(1, 350_000).map(c -> Money.ofCents(c, Money.USD));
    return Arbitraries.maps(Arbitraries.of(TAXABLE_BROKERAGE, ROTH_IRA, TRADITIONAL_IRA), amount)
        .ofMaxSize(3);
  }
}
