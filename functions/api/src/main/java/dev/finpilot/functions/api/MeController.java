package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.accounts.erasure.AccountData;
import dev.finpilot.domain.Validation;
import dev.finpilot.functions.api.accounts.Accounts;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.time.Instant;

/**
 * The caller's account: read it (never its password hash), change its password, take out everything
 * FinPilot holds about it, erase it.
 */
@Controller(MeController.PATH)
final class MeController {
  static final String PATH = "/v1/me";

  private final Accounts accounts;
  private final AccountData accountData;
  private final Gate gate;

  MeController(Accounts accounts, AccountData accountData, Gate gate) {
    this.accounts = accounts;
    this.accountData = accountData;
    this.gate = gate;
  }

  record Me(String userId, String email, String displayName, Instant createdAt) {
    static Me of(User user) {
      return new Me(user.userId(), user.email(), user.displayName(), user.createdAt());
    }
  }

  record PasswordChange(String currentPassword, String newPassword) {}

  @Get
  HttpResponse<String> me(APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    User user =
        accounts
            .find(userId)
            .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no such account"));
    return Responses.json(HttpStatus.OK, Me.of(user));
  }

  /** 204, and every session of the account has ended: the client signs in again. */
  @Post(value = "/password", consumes = MediaType.ALL)
  HttpResponse<String> changePassword(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    PasswordChange input =
        JsonBody.read(request, event, PasswordChange.class, JsonBody.SMALL_BODY_BYTES);
    Validation v = new Validation();
    if (v.notNull(input.currentPassword(), "currentPassword")) {
      v.require(
          !input.currentPassword().isEmpty()
              && input.currentPassword().length() <= AuthController.MAX_PASSWORD,
          "currentPassword",
          "must be 1 to " + AuthController.MAX_PASSWORD + " characters long");
    }
    AuthController.newPassword(v, input.newPassword(), "newPassword");
    AuthController.requireValid(v.errors());
    AuthController.refusals(
        () ->
            accounts.changePassword(
                userId,
                input.currentPassword(),
                input.newPassword(),
                AuthController.source(request, event)));
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }

  /** Everything FinPilot holds about the caller, table by table. */
  @Get("/export")
  HttpResponse<String> export(APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.READ);
    AccountData.Export export =
        accountData
            .export(userId)
            .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "no such account"));
    return Responses.json(HttpStatus.OK, export);
  }

  /**
   * Erases the account and everything of it; 204 also when it is already gone, so a client whose
   * request was cut short can send it again.
   */
  @Delete
  HttpResponse<String> erase(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    accountData.erase(userId, CorrelationId.of(request));
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }
}
