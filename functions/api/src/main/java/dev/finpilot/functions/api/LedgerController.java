package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Books;
import dev.finpilot.execution.LastTradePrices;
import dev.finpilot.execution.LedgerAccount;
import dev.finpilot.execution.LedgerException;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.execution.PortfolioValuation;
import dev.finpilot.execution.Transaction;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The caller's simulated ledger (the transactions the execution agent posted, newest first, a page
 * at a time) and portfolio (their accounts, valued). Both read only the caller's own books.
 */
@Controller("/v1")
final class LedgerController {
  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  private final LedgerStore ledger;
  private final Gate gate;

  LedgerController(LedgerStore ledger, Gate gate) {
    this.ledger = ledger;
    this.gate = gate;
  }

  record LedgerPage(
      String currency, long version, List<Transaction> transactions, String nextCursor) {}

  /**
   * The books and their value. Holdings are valued at the last price the ledger traded each held
   * symbol at ({@code priceBasis}), until live quotes are available to the API.
   */
  record Portfolio(
      String currency,
      long version,
      Collection<LedgerAccount> accounts,
      Money cash,
      Map<String, Money> lastTradePrices,
      String priceBasis,
      PortfolioValuation valuation) {}

  @Get("/ledger")
  HttpResponse<String> transactions(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    int limit = QueryParameters.integer(request, "limit", 1, MAX_PAGE, DEFAULT_PAGE);
    String cursor = Cursors.fromRequest(request, userId);
    LedgerStore.Page<Transaction> page = ledger.transactions(userId, limit, cursor);
    String next = Cursors.next(userId, page.nextCursor());
    Books books = books(userId);
    return Responses.json(
        HttpStatus.OK,
        new LedgerPage(books.currency().getCurrencyCode(), books.version(), page.items(), next));
  }

  @Get("/portfolio")
  HttpResponse<String> portfolio(APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    Books books = books(userId);
    Map<String, Money> prices = LastTradePrices.of(ledger, books);
    PortfolioValuation valuation;
    try {
      valuation = PortfolioValuation.of(books, prices);
    } catch (LedgerException e) {
      // A holding never traded here has no price: report the books without a value.
      valuation = null;
    }
    Money cash =
        books.accounts().values().stream()
            .map(LedgerAccount::cash)
            .reduce(Money.zero(books.currency()), Money::plus);
    return Responses.json(
        HttpStatus.OK,
        new Portfolio(
            books.currency().getCurrencyCode(),
            books.version(),
            books.accounts().values(),
            cash,
            prices,
            "LAST_TRADE",
            valuation));
  }

  private Books books(String userId) {
    return ledger.books(userId).orElseGet(() -> Books.empty(userId, Money.USD));
  }
}
