package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Asset;
import dev.finpilot.execution.BuyStep;
import dev.finpilot.execution.DepositStep;
import dev.finpilot.execution.ExecutionRequest;
import dev.finpilot.execution.Ledger;
import dev.finpilot.execution.LedgerStep;
import dev.finpilot.execution.OpenAccountStep;
import dev.finpilot.execution.SellStep;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller's ledger: its transactions page by page, and the portfolio it values. */
class LedgerRoutesTest extends HandlerHarness {
  static final Asset VTI = Asset.security("VTI", AssetClass.US_LARGE_CAP);
  static final Asset BND = Asset.security("BND", AssetClass.TREASURY_BOND);

  /** Opens a brokerage account for the caller, deposits $10,000 and makes the trades there. */
  private void tradeInBrokerage(LedgerStep... trades) {
    List<LedgerStep> steps = new ArrayList<>();
    steps.add(new OpenAccountStep(AccountType.TAXABLE_BROKERAGE));
    steps.add(new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(10_000)));
    steps.addAll(List.of(trades));
    execute(steps);
  }

  private static LedgerStep buy(Asset asset, String quantity, String price) {
    return new BuyStep(
        AccountType.TAXABLE_BROKERAGE, asset, new BigDecimal(quantity), Money.usd(price));
  }

  private static LedgerStep sell(Asset asset, String quantity, String price) {
    return new SellStep(
        AccountType.TAXABLE_BROKERAGE, asset.symbol(), new BigDecimal(quantity), Money.usd(price));
  }

  @Test
  void theLedgerListsTransactionsNewestFirstAndThePortfolioValuesHoldings() {
    tradeInBrokerage(buy(VTI, "10", "250.00"));

    JsonNode page = body(get(USER, "/v1/ledger?limit=2"));
    assertThat(page.path("transactions")).hasSize(2);
    assertThat(page.path("transactions").get(0).path("type").asText()).isEqualTo("BUY");
    JsonNode rest =
        body(get(USER, "/v1/ledger?limit=2&cursor=" + page.path("nextCursor").asText()));
    assertThat(rest.path("transactions")).hasSize(1);
    assertThat(rest.path("transactions").get(0).path("type").asText()).isEqualTo("OPEN_ACCOUNT");
    assertThat(rest.has("nextCursor")).isFalse();
    problem(get(USER, "/v1/ledger?limit=500"), 400, "invalid-request");

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));
    assertThat(portfolio.path("cash").path("amount").decimalValue()).isEqualByComparingTo("7500");
    JsonNode vtiPrice = portfolio.path("prices").path("VTI");
    assertThat(vtiPrice.path("price").decimalValue()).isEqualByComparingTo("250");
    assertThat(vtiPrice.path("priceBasis").asText()).isEqualTo("LAST_TRADE");
    assertThat(vtiPrice.path("source").asText()).isEqualTo("ledger");
    assertThat(vtiPrice.path("asOf").asText()).isEqualTo("2026-03-02T14:05:07Z");
    assertThat(vtiPrice.has("provenance")).isFalse();
    assertThat(vtiPrice.path("quoteUnavailable").asText())
        .isEqualTo("no source could provide a quote for VTI: " + FakeMarketData.ATTEMPT);
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10000");
  }

  @Test
  void holdingsAreValuedAtTheirQuotesExactlyAndSayHowTheQuoteWasServed() {
    tradeInBrokerage(buy(VTI, "10", "250.00"), buy(BND, "7", "80.00"));
    marketData.answer(
        MarketQuotesTest.quote("VTI", "262.4051", Duration.ofMinutes(2))
            .withProvenance(Provenance.CACHED));
    marketData.answer(MarketQuotesTest.quote("BND", "79.995", Duration.ZERO));

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    JsonNode vti = portfolio.path("prices").path("VTI");
    assertThat(vti.path("price").decimalValue()).isEqualByComparingTo("262.4051");
    assertThat(vti.path("currency").asText()).isEqualTo("USD");
    assertThat(vti.path("priceBasis").asText()).isEqualTo("QUOTE");
    assertThat(vti.path("source").asText()).isEqualTo("alpha-vantage");
    assertThat(vti.path("asOf").asText()).isEqualTo("2026-03-02T13:48:07Z");
    assertThat(vti.path("provenance").asText()).isEqualTo("CACHED");
    assertThat(vti.has("quoteUnavailable")).isFalse();
    assertThat(portfolio.path("prices").path("BND").path("provenance").asText()).isEqualTo("LIVE");
    // Cash 10000 - 2500 - 560 = 6940; VTI 10 x 262.4051 = 2624.051 -> 2624.05;
    // BND 7 x 79.995 = 559.965 -> 559.96 (half-even), not 7 x 80.00.
    JsonNode valuation = portfolio.path("valuation");
    assertThat(valuation.path("byAssetClass").path("US_LARGE_CAP").path("amount").decimalValue())
        .isEqualByComparingTo("2624.05");
    assertThat(valuation.path("byAssetClass").path("TREASURY_BOND").path("amount").decimalValue())
        .isEqualByComparingTo("559.96");
    assertThat(valuation.path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10124.01");
    assertThat(valuation.path("unrealizedGain").path("amount").decimalValue())
        .isEqualByComparingTo("124.01");
  }

  @Test
  void aSymbolWithoutAUsableQuoteFallsBackToItsLastTradeAndSaysWhy() {
    tradeInBrokerage(buy(VTI, "10", "250.00"), buy(BND, "7", "80.00"));
    marketData.answer(
        new Quote(
            "VTI",
            new BigDecimal("2050.00"),
            Currency.getInstance("HKD"),
            NOW.minusSeconds(60),
            "yahoo-finance",
            NOW));
    marketData.unknown("BND");

    JsonNode prices = body(get(USER, "/v1/portfolio")).path("prices");

    assertThat(prices.path("VTI").path("priceBasis").asText()).isEqualTo("LAST_TRADE");
    assertThat(prices.path("VTI").path("price").decimalValue()).isEqualByComparingTo("250");
    assertThat(prices.path("VTI").path("quoteUnavailable").asText())
        .isEqualTo("quoted in HKD, but the books are kept in USD");
    assertThat(prices.path("BND").path("priceBasis").asText()).isEqualTo("LAST_TRADE");
    assertThat(prices.path("BND").path("quoteUnavailable").asText())
        .isEqualTo("unknown symbol: alpha-vantage knows no symbol BND");
  }

  @Test
  void quotesAreAskedForHeldSymbolsOnlyAndTheLedgerOnlyForThoseWithoutOne() {
    tradeInBrokerage(buy(VTI, "10", "250.00"), sell(VTI, "10", "260.00"));

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    assertThat(marketData.asked).isEmpty();
    assertThat(portfolio.path("prices")).isEmpty();
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10100");
  }

  /** Commits {@code a/0..a/2} (open, two deposits), then {@code b/0, b/1}, for {@code userId}. */
  private void fiveTransactions(String userId) {
    Ledger books = new Ledger(ledger, (account, year) -> Optional.empty(), clock);
    books
        .apply(
            ExecutionRequest.forPlan(
                userId,
                "plan-1",
                1,
                "a",
                List.of(
                    new OpenAccountStep(AccountType.CASH),
                    new DepositStep(AccountType.CASH, Money.usd(1)),
                    new DepositStep(AccountType.CASH, Money.usd(2)))))
        .orThrow();
    books
        .apply(
            ExecutionRequest.forPlan(
                userId,
                "plan-1",
                2,
                "b",
                List.of(
                    new DepositStep(AccountType.CASH, Money.usd(3)),
                    new DepositStep(AccountType.CASH, Money.usd(4)))))
        .orThrow();
  }

  @Test
  void theLedgerPagesThroughEveryTransactionOnceNewestFirst() {
    fiveTransactions(USER);
    fiveTransactions("someone-else");

    List<List<String>> pages = new ArrayList<>();
    JsonNode page = body(get(USER, "/v1/ledger?limit=2"));
    pages.add(page.path("transactions").findValuesAsText("id"));
    while (page.has("nextCursor")) {
      page = body(get(USER, "/v1/ledger?limit=2&cursor=" + page.path("nextCursor").asText()));
      pages.add(page.path("transactions").findValuesAsText("id"));
    }

    assertThat(pages).containsExactly(List.of("b/1", "b/0"), List.of("a/2", "a/1"), List.of("a/0"));
    assertThat(page.path("version").asLong()).isEqualTo(2);
    JsonNode whole = body(get(USER, "/v1/ledger?limit=5"));
    assertThat(whole.path("transactions")).hasSize(5);
    assertThat(whole.has("nextCursor")).isFalse();
  }

  @Test
  void aLedgerCursorThatIsNotTheCallersIsABadRequestNamingTheCursor() {
    fiveTransactions(USER);
    fiveTransactions("someone-else");
    String mine = body(get(USER, "/v1/ledger?limit=1")).path("nextCursor").asText();

    JsonNode borrowed =
        problem(get("someone-else", "/v1/ledger?cursor=" + mine), 400, "invalid-request");
    assertThat(borrowed.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    problem(get(USER, "/v1/ledger?cursor=not-a-cursor"), 400, "invalid-request");
    for (String forged : List.of("garbage", "0", "6", "-1", "99999999999")) {
      JsonNode problem =
          problem(
              get(USER, "/v1/ledger?cursor=" + Cursors.seal(USER, forged)), 400, "invalid-request");
      assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void thePortfolioPricesOnlyWhatIsStillHeld() {
    tradeInBrokerage(
        buy(VTI, "10", "250.00"),
        buy(BND, "5", "80.00"),
        sell(VTI, "4", "260.00"),
        sell(BND, "5", "82.00"));

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    assertThat(portfolio.path("prices")).hasSize(1);
    assertThat(portfolio.path("prices").path("VTI").path("price").decimalValue())
        .isEqualByComparingTo("260");
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10110");
  }

  @Test
  void anEmptyLedgerIsEmptyBooksNotAnError() {
    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    assertThat(portfolio.path("accounts")).isEmpty();
    assertThat(portfolio.path("cash").path("amount").decimalValue()).isEqualByComparingTo("0");
    assertThat(body(get(USER, "/v1/ledger")).path("transactions")).isEmpty();
  }

  /** Executes the steps for the caller as the execution agent would; all must be applied. */
  private void execute(List<LedgerStep> steps) {
    new Ledger(ledger, (account, year) -> Optional.empty(), clock)
        .apply(ExecutionRequest.forPlan(USER, "plan-1", 1, "exec-1", steps))
        .orThrow();
  }
}
