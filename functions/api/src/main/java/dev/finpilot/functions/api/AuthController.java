package dev.finpilot.functions.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Validation;
import dev.finpilot.functions.api.accounts.Accounts;
import dev.finpilot.functions.api.accounts.Accounts.Credentials;
import dev.finpilot.functions.api.accounts.Accounts.Refusal;
import dev.finpilot.functions.api.accounts.Accounts.Source;
import dev.finpilot.functions.api.accounts.RefreshTokens;
import dev.finpilot.functions.api.limits.RateLimitPolicy;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Accounts: register, log in, refresh, log out. The first three are public routes (no access token
 * needed); logging out needs one, and ends the caller's session and the one its refresh token
 * belongs to: the access tokens of those sessions are refused from then on.
 */
@Controller("/v1/auth")
final class AuthController {
  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 256;
  static final int MAX_EMAIL = 254;
  static final int MAX_DISPLAY_NAME = 100;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final Accounts accounts;
  private final Gate gate;

  AuthController(Accounts accounts, Gate gate) {
    this.accounts = accounts;
    this.gate = gate;
  }

  record RegisterRequest(String email, String password, String displayName) {}

  record LoginRequest(String email, String password) {}

  record RefreshRequest(String refreshToken) {}

  /** The tokens of a session; lifetimes in seconds, as in OAuth 2.0 token responses. */
  record TokenResponse(
      String tokenType,
      String accessToken,
      long expiresIn,
      String refreshToken,
      long refreshExpiresIn,
      MeController.Me user) {

    static TokenResponse of(Credentials session) {
      return new TokenResponse(
          "Bearer",
          session.accessToken().token(),
          AccessTokens.LIFETIME.toSeconds(),
          session.refreshToken().token(),
          RefreshTokens.LIFETIME.toSeconds(),
          MeController.Me.of(session.user()));
    }
  }

  @Post(value = "/register", consumes = MediaType.ALL)
  HttpResponse<String> register(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    RegisterRequest input =
        JsonBody.read(request, event, RegisterRequest.class, JsonBody.SMALL_BODY_BYTES);
    Validation v = new Validation();
    email(v, input.email());
    newPassword(v, input.password(), "password");
    if (v.notNull(input.displayName(), "displayName")) {
      String name = input.displayName().strip();
      v.require(
          !name.isEmpty() && name.length() <= MAX_DISPLAY_NAME && !CONTROL.matcher(name).find(),
          "displayName",
          "must be 1 to " + MAX_DISPLAY_NAME + " printable characters");
    }
    requireValid(v.errors());
    Credentials session =
        refusals(
            () ->
                accounts.register(
                    input.email(), input.password(), input.displayName(), source(request, event)));
    return Responses.json(HttpStatus.CREATED, TokenResponse.of(session))
        .header(HttpHeaders.LOCATION, MeController.PATH);
  }

  @Post(value = "/login", consumes = MediaType.ALL)
  HttpResponse<String> login(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    LoginRequest input =
        JsonBody.read(request, event, LoginRequest.class, JsonBody.SMALL_BODY_BYTES);
    Validation v = new Validation();
    email(v, input.email());
    if (v.notNull(input.password(), "password")) {
      v.require(
          !input.password().isEmpty() && input.password().length() <= MAX_PASSWORD,
          "password",
          "must be 1 to " + MAX_PASSWORD + " characters long");
    }
    requireValid(v.errors());
    Credentials session =
        refusals(() -> accounts.login(input.email(), input.password(), source(request, event)));
    return Responses.json(HttpStatus.OK, TokenResponse.of(session));
  }

  @Post(value = "/refresh", consumes = MediaType.ALL)
  HttpResponse<String> refresh(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    RefreshRequest input =
        JsonBody.read(request, event, RefreshRequest.class, JsonBody.SMALL_BODY_BYTES);
    requireRefreshToken(input);
    Credentials session =
        refusals(() -> accounts.refresh(input.refreshToken(), source(request, event)));
    return Responses.json(HttpStatus.OK, TokenResponse.of(session));
  }

  @Post(value = "/logout", consumes = MediaType.ALL)
  HttpResponse<String> logout(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String userId = gate.enter(event, RateLimitPolicy.WRITE);
    RefreshRequest input =
        JsonBody.read(request, event, RefreshRequest.class, JsonBody.SMALL_BODY_BYTES);
    requireRefreshToken(input);
    accounts.logout(
        userId, Caller.sessionId(event).orElse(null), input.refreshToken(), source(request, event));
    return HttpResponse.status(HttpStatus.NO_CONTENT);
  }

  /** The rules every new password follows, at registration and at a change. */
  static void newPassword(Validation v, String password, String field) {
    if (v.notNull(password, field)) {
      int length = password.codePointCount(0, password.length());
      v.require(
          length >= MIN_PASSWORD && length <= MAX_PASSWORD,
          field,
          "must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
    }
  }

  private static void email(Validation v, String email) {
    if (v.notNull(email, "email")) {
      String address = email.strip();
      v.require(
          address.length() <= MAX_EMAIL && EMAIL.matcher(address).matches(),
          "email",
          "must be an e-mail address such as name@example.com");
    }
  }

  private static void requireRefreshToken(RefreshRequest input) {
    Validation v = new Validation();
    if (v.notNull(input.refreshToken(), "refreshToken")) {
      v.require(
          !input.refreshToken().isBlank() && input.refreshToken().length() <= 512,
          "refreshToken",
          "must be the refresh token from the last login or refresh");
    }
    requireValid(v.errors());
  }

  static void requireValid(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ProblemException(
          ProblemType.VALIDATION_FAILED, errors.size() + " field(s) are invalid", errors);
    }
  }

  static Source source(HttpRequest<?> request, APIGatewayV2HTTPEvent event) {
    String ip = event.getRequestContext().getHttp().getSourceIp();
    return new Source(ip == null || ip.isBlank() ? "unknown" : ip, CorrelationId.of(request));
  }

  /** Runs an account step, turning its refusal into the problem response that says why. */
  static <T> T refusals(Supplier<T> step) {
    try {
      return step.get();
    } catch (Refusal r) {
      throw switch (r.kind()) {
        case EMAIL_TAKEN -> new ProblemException(ProblemType.CONFLICT, r.getMessage());
        case INVALID_CREDENTIALS ->
            new ProblemException(ProblemType.INVALID_CREDENTIALS, r.getMessage());
        case INVALID_REFRESH_TOKEN ->
            new ProblemException(ProblemType.INVALID_REFRESH_TOKEN, r.getMessage());
        case WRONG_PASSWORD ->
            ProblemException.invalidField(
                ProblemType.VALIDATION_FAILED, "currentPassword", r.getMessage());
        case THROTTLED ->
            ProblemException.retryLater(
                ProblemType.TOO_MANY_REQUESTS, r.getMessage(), r.retryAfter());
      };
    }
  }
}
