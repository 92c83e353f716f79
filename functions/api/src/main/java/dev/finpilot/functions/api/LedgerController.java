package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Books;
import dev.finpilot.execution.HoldingPrice;
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
  private final PortfolioPrices prices;
  private final Gate gate;

  LedgerController(LedgerStore ledger, PortfolioPrices prices, Gate gate) {
    this.ledger = ledger;
    this.prices = prices;
    this.gate = gate;
  }

  record LedgerPage(
      String currency, long version, List<Transaction> transactions, String nextCursor) {}

  /**
   * The books and their value. Each held symbol is valued at the price in {@code prices}, which
   * says what it is (a quote or the last trade) and where it came from.
   */
  record Portfolio(
      String currency,
      long version,
      Collection<LedgerAccount> accounts,
      Money cash,
      Map<String, HoldingPrice> prices,
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
    Map<String, HoldingPrice> held = prices.of(books);
    PortfolioValuation valuation;
    try {
      valuation = PortfolioValuation.at(books, held);
    } catch (LedgerException e) {
      // A holding with neither a quote nor a trade here has no price: report the books unvalued.
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
            held,
            valuation));
  }

  private Books books(String userId) {
    return ledger.books(userId).orElseGet(() -> Books.empty(userId, Money.USD));
  }
}
