package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Validation;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import dev.finpilot.goals.ConversionContext;
import dev.finpilot.goals.GoalParser;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code POST /v1/goals/parse}: what FinPilot reads in a goal written in plain words, before any
 * plan is made from it, so a client can show it and let the user correct it.
 */
@Controller("/v1/goals")
final class GoalsController {
  private final GoalParser parser;
  private final Gate gate;
  private final Clock clock;

  GoalsController(GoalParser parser, Gate gate, Clock clock) {
    this.parser = parser;
    this.gate = gate;
    this.clock = clock;
  }

  /**
   * @param currentAge the user's age, to date goals given as an age ("retire at 60")
   * @param monthlyEssentialExpenses sizes an emergency fund given in months
   * @param plannedRetirementAge dates a retirement goal given without an age or horizon
   */
  record ParseRequest(
      String text,
      Integer currentAge,
      Money monthlyEssentialExpenses,
      Integer plannedRetirementAge) {}

  @Post(value = "/parse", consumes = MediaType.ALL)
  HttpResponse<String> parse(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    gate.enter(event, RateLimitPolicy.WRITE);
    ParseRequest input =
        JsonBody.read(request, event, ParseRequest.class, JsonBody.SMALL_BODY_BYTES);
    Validation v = new Validation();
    if (v.notNull(input.text(), "text")) {
      v.require(
          input.text().length() <= GoalParser.MAX_TEXT_LENGTH,
          "text",
          "must be at most " + GoalParser.MAX_TEXT_LENGTH + " characters");
    }
    if (input.currentAge() != null) {
      v.between(input.currentAge(), 18, 100, "currentAge");
    }
    if (input.plannedRetirementAge() != null) {
      v.between(input.plannedRetirementAge(), 30, 100, "plannedRetirementAge");
    }
    if (input.monthlyEssentialExpenses() != null) {
      v.nonNegative(input.monthlyEssentialExpenses(), "monthlyEssentialExpenses");
      v.require(
          Money.USD.equals(input.monthlyEssentialExpenses().currency()),
          "monthlyEssentialExpenses.currency",
          "must be USD");
    }
    if (!v.errors().isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED, v.errors().size() + " field(s) are invalid", v.errors());
    }
    ConversionContext conversion =
        new ConversionContext(
            Optional.ofNullable(input.monthlyEssentialExpenses()),
            input.plannedRetirementAge() == null
                ? OptionalInt.empty()
                : OptionalInt.of(input.plannedRetirementAge()));
    GoalReading.Interpretation reading =
        GoalReading.read(
            parser,
            input.text(),
            "text",
            LocalDate.now(clock),
            input.currentAge() == null ? OptionalInt.empty() : OptionalInt.of(input.currentAge()),
            conversion);
    return Responses.json(HttpStatus.OK, reading);
  }
}
