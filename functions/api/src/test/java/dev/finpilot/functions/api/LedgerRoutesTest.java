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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The caller's ledger: its transactions page by page, and the portfolio it values. */
class LedgerRoutesTest extends HandlerHarness {

  @Test
  void theLedgerListsTransactionsNewestFirstAndThePortfolioValuesHoldings() {
    Asset vti = Asset.security("VTI", AssetClass.US_LARGE_CAP);
    execute(
        List.of(
            new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
            new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(10_000)),
            new BuyStep(
                AccountType.TAXABLE_BROKERAGE, vti, new BigDecimal("10"), Money.usd("250.00"))));

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
    assertThat(portfolio.path("lastTradePrices").path("VTI").path("amount").decimalValue())
        .isEqualByComparingTo("250");
    assertThat(portfolio.path("priceBasis").asText()).isEqualTo("LAST_TRADE");
    assertThat(portfolio.path("valuation").path("total").path("amount").decimalValue())
        .isEqualByComparingTo("10000");
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
    Asset vti = Asset.security("VTI", AssetClass.US_LARGE_CAP);
    Asset bnd = Asset.security("BND", AssetClass.TREASURY_BOND);
    execute(
        List.of(
            new OpenAccountStep(AccountType.TAXABLE_BROKERAGE),
            new DepositStep(AccountType.TAXABLE_BROKERAGE, Money.usd(10_000)),
            new BuyStep(
                AccountType.TAXABLE_BROKERAGE, vti, new BigDecimal("10"), Money.usd("250.00")),
            new BuyStep(
                AccountType.TAXABLE_BROKERAGE, bnd, new BigDecimal("5"), Money.usd("80.00")),
            new SellStep(
                AccountType.TAXABLE_BROKERAGE, "VTI", new BigDecimal("4"), Money.usd("260.00")),
            new SellStep(
                AccountType.TAXABLE_BROKERAGE, "BND", new BigDecimal("5"), Money.usd("82.00"))));

    JsonNode portfolio = body(get(USER, "/v1/portfolio"));

    assertThat(portfolio.path("lastTradePrices")).hasSize(1);
    assertThat(portfolio.path("lastTradePrices").path("VTI").path("amount").decimalValue())
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
