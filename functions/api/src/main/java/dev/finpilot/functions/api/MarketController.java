package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Symbols;
import dev.finpilot.retrieval.QuoteCache;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /v1/market/quotes}: the fresh quotes the retrieval agent has cached, and, for every
 * other symbol asked for, that there is none and why. Quotes are no user's data, but only users may
 * read them, under the read rate limit.
 */
@Controller("/v1/market")
final class MarketController {
  static final String SYMBOLS = "symbols";

  /** Each symbol is one cache read; this bounds the work a single request can ask for. */
  static final int MAX_SYMBOLS = 20;

  static final String NOT_CACHED =
      "no fresh quote is cached; live market-data providers are not configured yet";

  private final QuoteCache quotes;
  private final Gate gate;
  private final Clock clock;

  MarketController(QuoteCache quotes, Gate gate, Clock clock) {
    this.quotes = quotes;
    this.gate = gate;
    this.clock = clock;
  }

  record Unavailable(String symbol, String reason) {}

  record Quotes(List<Quote> quotes, List<Unavailable> unavailable) {}

  @Get("/quotes")
  HttpResponse<String> quotes(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    gate.enter(event, RateLimitPolicy.READ);
    QuoteCache.Lookup found = quotes.find(symbols(request), clock.instant());
    return Responses.json(
        HttpStatus.OK,
        new Quotes(
            found.quotes(),
            found.missing().stream().map(s -> new Unavailable(s, NOT_CACHED)).toList()));
  }

  /** A repeated parameter counts as one list, as API Gateway joins repeats with commas. */
  private static List<String> symbols(HttpRequest<?> request) {
    String typed = String.join(",", request.getParameters().getAll(SYMBOLS));
    if (typed.isEmpty()) {
      throw ProblemException.invalidField(
          ProblemType.INVALID_REQUEST,
          SYMBOLS,
          "is required: 1 to " + MAX_SYMBOLS + " comma-separated symbols, such as AAPL,SPY");
    }
    try {
      return Symbols.parseList(typed, SYMBOLS, MAX_SYMBOLS);
    } catch (ValidationException e) {
      throw new ProblemException(
          ProblemType.INVALID_REQUEST,
          SYMBOLS + ": " + e.errors().size() + " problem(s) with the symbols asked for",
          e.errors());
    }
  }
}
