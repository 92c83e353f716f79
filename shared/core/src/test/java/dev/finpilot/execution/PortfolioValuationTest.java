package dev.finpilot.execution;

import static dev.finpilot.domain.AccountType.CASH;
import static dev.finpilot.domain.AccountType.ROTH_IRA;
import static dev.finpilot.domain.AccountType.TAXABLE_BROKERAGE;
import static dev.finpilot.execution.LedgerFixtures.BND;
import static dev.finpilot.execution.LedgerFixtures.USER;
import static dev.finpilot.execution.LedgerFixtures.VTI;
import static dev.finpilot.execution.LedgerFixtures.fundedLedger;
import static dev.finpilot.execution.LedgerFixtures.qty;
import static dev.finpilot.execution.LedgerFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.LedgerException.Reason;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioValuationTest {

  private static Ledger invested() {
    Ledger ledger = fundedLedger("10000.00");
    run(
            ledger,
            "invest",
            new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(9000)),
            new BuyStep(TAXABLE_BROKERAGE, VTI, qty("20"), Money.usd("240.00")),
            new BuyStep(TAXABLE_BROKERAGE, BND, qty("40"), Money.usd("75.00")),
            new ContributionStep(ROTH_IRA, Money.usd(1000), 2025, Book.of(CASH)),
            new BuyStep(ROTH_IRA, VTI, qty("2.5"), Money.usd("240.00")))
        .orThrow();
    return ledger;
  }

  @Test
  void valuesEachAccountAndAssetClassAtMarketPricesWithoutDoubleCounting() {
    PortfolioValuation v =
        invested().valuation(USER, Map.of("VTI", Money.usd("250.00"), "BND", Money.usd("74.50")));

    // Taxable: 9000 - 4800 - 3000 = 1200 cash, 20 x 250 = 5000 VTI, 40 x 74.50 = 2980 BND.
    assertThat(v.byAccount())
        .containsExactly(
            Map.entry(CASH, Money.usd("0.00")),
            Map.entry(TAXABLE_BROKERAGE, Money.usd("9180.00")),
            Map.entry(ROTH_IRA, Money.usd("1025.00")));
    assertThat(v.byAssetClass())
        .containsExactly(
            Map.entry(AssetClass.US_LARGE_CAP, Money.usd("5625.00")),
            Map.entry(AssetClass.TREASURY_BOND, Money.usd("2980.00")),
            Map.entry(AssetClass.CASH, Money.usd("1600.00")));
    assertThat(v.total()).isEqualTo(Money.usd("10205.00"));
    assertThat(v.unrealizedGain()).isEqualTo(Money.usd("205.00"));
  }

  @Test
  void holdingsAreRoundedOnceSoBothViewsAddUpToTheSameTotal() {
    Ledger ledger = fundedLedger("100.00");
    run(
            ledger,
            "b",
            new TransferStep(CASH, TAXABLE_BROKERAGE, Money.usd(100)),
            new BuyStep(TAXABLE_BROKERAGE, VTI, qty("0.333333"), Money.usd("3.00")),
            new BuyStep(TAXABLE_BROKERAGE, BND, qty("0.333333"), Money.usd("3.00")))
        .orThrow();
    PortfolioValuation v =
        ledger.valuation(USER, Map.of("VTI", Money.usd("3.00"), "BND", Money.usd("3.00")));

    Money byAccount = v.byAccount().values().stream().reduce(Money.usd(0), Money::plus);
    Money byClass = v.byAssetClass().values().stream().reduce(Money.usd(0), Money::plus);
    assertThat(byAccount).isEqualTo(v.total());
    assertThat(byClass).isEqualTo(v.total());
    assertThat(v.total()).isEqualTo(Money.usd("100.00"));
  }

  @Test
  void aMissingPriceIsAnErrorNotAZero() {
    Ledger ledger = invested();
    assertThatThrownBy(() -> ledger.valuation(USER, Map.of("VTI", Money.usd(250))))
        .isInstanceOfSatisfying(
            LedgerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRICE_MISSING))
        .hasMessage("PRICE_MISSING: no price for BND held in TAXABLE_BROKERAGE");
  }

  private static HoldingPrice quoted(String symbol, String price, Currency currency) {
    return HoldingPrice.quoted(
        new Quote(
            symbol,
            new BigDecimal(price),
            currency,
            Instant.parse("2026-03-02T14:00:00Z"),
            "alpha-vantage",
            Instant.parse("2026-03-02T14:01:00Z"),
            Provenance.CACHED));
  }

  @Test
  void exactPricesPerUnitAreRoundedOncePerHolding() {
    Ledger ledger = invested();
    Books books = ledger.books(USER);

    PortfolioValuation v =
        PortfolioValuation.at(
            books,
            Map.of(
                "VTI", quoted("VTI", "250.0049", Money.USD),
                "BND", quoted("BND", "74.5049", Money.USD)));

    // VTI: 22.5 x 250.0049 = 5625.11025 -> 5625.11 (at 250.00 it would be 5625.00);
    // BND: 40 x 74.5049 = 2980.196 -> 2980.20.
    assertThat(v.byAssetClass())
        .containsEntry(AssetClass.US_LARGE_CAP, Money.usd("5625.11"))
        .containsEntry(AssetClass.TREASURY_BOND, Money.usd("2980.20"));
    assertThat(v.total()).isEqualTo(Money.usd("10205.31"));
  }

  @Test
  void aPriceInAnotherCurrencyThanTheBooksIsNoPrice() {
    Books books = invested().books(USER);
    Map<String, HoldingPrice> prices =
        Map.of(
            "VTI", quoted("VTI", "250.00", Money.USD),
            "BND", quoted("BND", "580.00", Currency.getInstance("HKD")));

    assertThatThrownBy(() -> PortfolioValuation.at(books, prices))
        .isInstanceOfSatisfying(
            LedgerException.class, e -> assertThat(e.reason()).isEqualTo(Reason.PRICE_MISSING))
        .hasMessageContaining("BND");
  }

  @Test
  void anEmptyLedgerIsWorthNothing() {
    PortfolioValuation v = LedgerFixtures.ledger().valuation("new-user", Map.of());
    assertThat(v.total().isZero()).isTrue();
    assertThat(v.byAccount()).isEmpty();
  }
}
