package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Quote;
import dev.finpilot.market.Series;
import dev.finpilot.market.Symbols;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.MarketDataUnavailableException;
import dev.finpilot.retrieval.UnknownSymbolException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/market/quotes} and {@code GET /v1/market/series/{symbol}}: market data read
 * through the cache to the providers, each answer saying where it came from and how. Market data is
 * no user's data, but only users may read it, under the read rate limit.
 *
 * <p>A symbol no provider knows is answered the same way on both routes: when it is all that was
 * asked for (every symbol of a quotes request, or the one of a series) the answer is a 404 {@code
 * unknown-symbol} problem naming it; next to symbols that were found or may be found later, it is
 * listed as unavailable with the reason, like a symbol that no source could answer for now.
 */
@Controller("/v1/market")
final class MarketController {
  static final String SYMBOLS = "symbols";
  static final String SYMBOL = "symbol";
  static final String DAYS = "days";

  /** Each symbol may be a provider call; this bounds the work a single request can ask for. */
  static final int MAX_SYMBOLS = 20;

  /** More than a year of trading days; the providers' recent history is shorter than that. */
  static final int MAX_DAYS = 366;

  private final MarketData market;
  private final QuoteLookup lookup;
  private final Gate gate;

  MarketController(MarketData market, QuoteLookup lookup, Gate gate) {
    this.market = market;
    this.lookup = lookup;
    this.gate = gate;
  }

  /**
   * A symbol asked for without a quote in the answer.
   *
   * @param unknownSymbol a provider said the symbol does not exist: asking again will not help
   */
  record Unavailable(String symbol, String reason, boolean unknownSymbol) {}

  record Quotes(List<Quote> quotes, List<Unavailable> unavailable) {}

  /**
   * Daily closes, oldest first.
   *
   * @param asOf the date of the latest close
   */
  record DailyCloses(
      String symbol,
      String source,
      Instant fetchedAt,
      Provenance provenance,
      LocalDate asOf,
      List<Observation> closes) {

    static DailyCloses of(Series series, int days) {
      List<Observation> points = series.points();
      return new DailyCloses(
          series.name(),
          series.source(),
          series.fetchedAt(),
          series.provenance(),
          series.latest().date(),
          points.subList(Math.max(0, points.size() - days), points.size()));
    }
  }

  @Get("/quotes")
  HttpResponse<String> quotes(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    gate.enter(event, RateLimitPolicy.READ);
    List<Quote> quotes = new ArrayList<>();
    List<Unavailable> unavailable = new ArrayList<>();
    List<FieldError> unknown = new ArrayList<>();
    lookup
        .quotes(symbols(request))
        .forEach(
            (symbol, outcome) -> {
              if (outcome.quote() != null) {
                quotes.add(outcome.quote());
              } else if (outcome.failure() instanceof UnknownSymbolException e) {
                unavailable.add(new Unavailable(symbol, unknownSymbol(e), true));
                unknown.add(new FieldError(SYMBOLS, unknownSymbol(e)));
              } else if (outcome.failure() instanceof MarketDataUnavailableException e) {
                unavailable.add(new Unavailable(symbol, e.getMessage(), false));
              } else {
                throw outcome.failure();
              }
            });
    if (unknown.size() == unavailable.size() && quotes.isEmpty()) {
      throw new ProblemException(
          ProblemType.UNKNOWN_SYMBOL,
          SYMBOLS
              + ": no provider knows "
              + String.join(", ", unavailable.stream().map(Unavailable::symbol).toList()),
          unknown);
    }
    return Responses.json(HttpStatus.OK, new Quotes(quotes, unavailable));
  }

  @Get("/series/{symbol}")
  HttpResponse<String> series(String symbol, HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    gate.enter(event, RateLimitPolicy.READ);
    String checked = symbol.strip().toUpperCase(Locale.ROOT);
    if (!Symbols.isValid(checked)) {
      throw ProblemException.invalidField(ProblemType.INVALID_REQUEST, SYMBOL, Symbols.RULE);
    }
    int days = QueryParameters.integer(request, DAYS, 1, MAX_DAYS, MAX_DAYS);
    try {
      return Responses.json(HttpStatus.OK, DailyCloses.of(market.dailyCloses(checked), days));
    } catch (UnknownSymbolException e) {
      throw ProblemException.invalidField(ProblemType.UNKNOWN_SYMBOL, SYMBOL, unknownSymbol(e));
    } catch (MarketDataUnavailableException e) {
      throw new ProblemException(ProblemType.MARKET_DATA_UNAVAILABLE, e.getMessage());
    }
  }

  /** The reason given wherever a provider said a symbol does not exist. */
  static String unknownSymbol(UnknownSymbolException e) {
    return "unknown symbol: " + e.getMessage();
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
