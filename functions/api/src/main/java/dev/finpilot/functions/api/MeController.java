package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.functions.api.accounts.Accounts;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.time.Instant;

/** {@code GET /v1/me}: the caller's account (never its password hash). */
@Controller(MeController.PATH)
final class MeController {
  static final String PATH = "/v1/me";

  private final Accounts accounts;
  private final Gate gate;

  MeController(Accounts accounts, Gate gate) {
    this.accounts = accounts;
    this.gate = gate;
  }

  record Me(String userId, String email, String displayName, Instant createdAt) {
    static Me of(User user) {
      return new Me(user.userId(), user.email(), user.displayName(), user.createdAt());
    }
  }

  @Get
  HttpResponse<String> me(APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    User user =
        accounts
            .find(userId)
            .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no such account"));
    return Responses.json(HttpStatus.OK, Me.of(user));
  }
}
