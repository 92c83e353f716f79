package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.execution.LedgerFixtures.BND;
import static dev.finpilot.execution.LedgerFixtures.CLOCK;
import static dev.finpilot.execution.LedgerFixtures.LIMITS;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static dev.finpilot.execution.LedgerFixtures.qty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Money;
import dev.finpilot.execution.LedgerStore.Page;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LastTradePricesTest {
  private final InMemoryLedgerStore store = new InMemoryLedgerStore();
  private final Ledger ledger = new Ledger(store, LIMITS, CLOCK);
  private int pagesRead;
  private final LedgerStore counting =
      new DelegatingStore(store) {
        @Override
        public Page<Transaction> transactions(String userId, int limit, String cursor) {
          pagesRead++;
          return super.transactions(userId, limit, cursor);
        }
      };

  private void execute(String key, LedgerStep... steps) {
    execute(key, List.of(steps));
  }

  private void execute(String key, List<LedgerStep> steps) {
    ledger.apply(ExecutionRequest.forPlan(USER, "plan-1", 1, key, steps)).orThrow();
  }

  private void openAndFund() {
    execute(
        "open",
        new OpenAccountStep(TAXABLE_BROKERAGE),
        new DepositStep(TAXABLE_BROKERAGE, Money.usd(100_000)));
  }

  private Map<String, HoldingPrice> prices() {
    Books books = ledger.books(USER);
    return LastTradePrices.of(counting, books, books.heldSymbols());
  }

  @Test
  void eachHeldSymbolIsPricedAtItsLatestBuyOrSale() {
    openAndFund();
    execute(
        "trades",
        new BuyStep(TAXABLE_BROKERAGE, VTI, qty("10"), Money.usd("100.00")),
        new BuyStep(TAXABLE_BROKERAGE, BND, qty("5"), Money.usd("80.00")),
        new BuyStep(TAXABLE_BROKERAGE, VTI, qty("5"), Money.usd("120.00")),
        new SellStep(TAXABLE_BROKERAGE, "VTI", qty("3"), Money.usd("130.00")));
    execute("later", new BuyStep(TAXABLE_BROKERAGE, BND, qty("4"), Money.usd("81.25")));

    Map<String, HoldingPrice> prices = prices();

    assertThat(prices).containsOnlyKeys("VTI", "BND");
    assertThat(prices.get("VTI").price()).isEqualTo("130.00");
    assertThat(prices.get("BND").price()).isEqualTo("81.25");
    HoldingPrice bnd = prices.get("BND");
    assertThat(bnd.priceBasis()).isEqualTo(PriceBasis.LAST_TRADE);
    assertThat(bnd.source()).isEqualTo(HoldingPrice.LEDGER);
    assertThat(bnd.currency()).isEqualTo(Money.USD);
    assertThat(bnd.asOf()).isEqualTo(store.transactions(USER).get(6).postedAt());
    assertThat(bnd.provenance()).isNull();
  }

  @Test
  void aSymbolNoLongerHeldHasNoPrice() {
    openAndFund();
    execute(
        "trades",
        new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("100.00")),
        new BuyStep(TAXABLE_BROKERAGE, BND, qty("5"), Money.usd("80.00")),
        new SellStep(TAXABLE_BROKERAGE, "BND", qty("5"), Money.usd("90.00")));

    assertThat(prices()).containsOnlyKeys("VTI");
  }

  @Test
  void readingStopsOnceEveryHoldingIsPriced() {
    openAndFund();
    for (int batch = 0; batch < 3; batch++) {
      execute("deposits-" + batch, Collections.nCopies(40, deposit()));
    }
    execute(
        "trades",
        new BuyStep(TAXABLE_BROKERAGE, BND, qty("5"), Money.usd("80.00")),
        new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("100.00")));
    assertThat(store.transactions(USER)).hasSizeGreaterThan(LastTradePrices.PAGE);

    assertThat(prices()).containsOnlyKeys("VTI", "BND");
    assertThat(pagesRead).isEqualTo(1);
  }

  @Test
  void booksWithoutHoldingsReadNoTransactions() {
    openAndFund();

    assertThat(prices()).isEmpty();
    assertThat(pagesRead).isZero();
  }

  @Test
  void aHoldingNeverTradedHereIsLeftUnpricedAfterReadingEverything() {
    openAndFund();
    for (int batch = 0; batch < 3; batch++) {
      execute("deposits-" + batch, Collections.nCopies(40, deposit()));
    }
    Books books = ledger.books(USER);
    LedgerAccount account = books.require(TAXABLE_BROKERAGE);
    LedgerAccount transferredIn =
        new LedgerAccount(
            TAXABLE_BROKERAGE,
            account.cash(),
            Map.of("VTI", new Holding(VTI, qty("2"), Money.usd("300.00"))),
            account.contributionsByYear());
    Books withHolding =
        new Books(
            USER,
            books.currency(),
            books.version(),
            Map.of(TAXABLE_BROKERAGE, transferredIn),
            books.external());

    assertThat(LastTradePrices.of(counting, withHolding, withHolding.heldSymbols())).isEmpty();
    assertThat(pagesRead).isEqualTo(2);
  }

  private static LedgerStep deposit() {
    return new DepositStep(TAXABLE_BROKERAGE, Money.usd(1));
  }

  @Test
  void aTradeUndoneByItsReversalIsNotTheLastTrade() {
    openAndFund();
    execute("kept", new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("90.00")));
    ExecutionResult undone =
        ledger.apply(
            ExecutionRequest.forPlan(
                USER,
                "plan-1",
                1,
                "undone",
                List.of(
                    new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("100.00")),
                    new SellStep(TAXABLE_BROKERAGE, "VTI", qty("5"), Money.usd("100.00")))));
    assertThat(undone.compensations()).hasSize(1);

    assertThat(prices().get("VTI").price()).isEqualByComparingTo("90");
  }

  @Test
  void onlyTheSymbolsAskedForArePricedAndReadingStopsWhenTheyAre() {
    openAndFund();
    execute("old", new BuyStep(TAXABLE_BROKERAGE, BND, qty("5"), Money.usd("80.00")));
    for (int batch = 0; batch < 3; batch++) {
      execute("deposits-" + batch, Collections.nCopies(40, deposit()));
    }
    execute("new", new BuyStep(TAXABLE_BROKERAGE, VTI, qty("1"), Money.usd("100.00")));

    Books books = ledger.books(USER);
    assertThat(LastTradePrices.of(counting, books, List.of("VTI"))).containsOnlyKeys("VTI");
    assertThat(pagesRead).isEqualTo(1);
    assertThat(LastTradePrices.of(counting, books, List.of())).isEmpty();
    assertThat(pagesRead).isEqualTo(1);
  }

  @Test
  void aPricePerUnitKeepsTheDigitsAnUnevenTradeNeeds() {
    openAndFund();
    // 0.3 x 33.33 = 9.999, paid as 10.00.
    execute("uneven", new BuyStep(TAXABLE_BROKERAGE, VTI, qty("0.3"), Money.usd("33.33")));

    assertThat(prices().get("VTI").price()).isEqualTo("33.3333333333");
    assertThat(LastTradePrices.perUnit(new BigDecimal("500"), qty("2"))).isEqualTo("250.00");
    assertThat(LastTradePrices.perUnit(new BigDecimal("1.5"), qty("4"))).isEqualTo("0.375");
  }
}
