package dev.finpilot.functions.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import dev.finpilot.auth.AccessToken;
import dev.finpilot.auth.AuditLog;
import dev.finpilot.auth.Authenticator;
import dev.finpilot.auth.BearerToken;
import dev.finpilot.auth.TokenRejectedException;
import dev.finpilot.aws.AwsAuthenticator;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.Priming;
import dev.finpilot.messaging.MessageOrigin;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The HTTP API's Lambda authorizer (payload format 2.0, simple responses). A token that {@link
 * Authenticator} accepts (signature, claims, an existing account and a live session of it) yields
 * {@code {"isAuthorized": true, "context": {"userId": "<sub>", "sessionId": "<sid>"}}}, which API
 * Gateway hands to the API function as {@code requestContext.authorizer.lambda}; anything else
 * yields {@code isAuthorized: false}, and API Gateway answers the client itself without calling the
 * API.
 *
 * <p>Why a token was refused goes to the audit log (the reason, never the token) but not to the
 * client: it learns nothing about which check failed. A failure to read the signing key or the
 * users table is not a refusal: it propagates, API Gateway answers 500, and no request gets through
 * unchecked.
 */
public final class AuthorizerHandler
    implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
  public static final String USER_ID = "userId";
  public static final String SESSION_ID = "sessionId";

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizerHandler.class);

  private final Authenticator authenticator;
  private final AuditLog audit;

  // Held for as long as the handler lives: the CRaC context holds its resources weakly.
  @SuppressWarnings("unused")
  private final Priming priming;

  /** Lambda's entry point: configuration from the process environment. */
  public AuthorizerHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  /**
   * Keys from the secret named by {@code JWT_SIGNING_KEY_SECRET_ARN}, sessions and accounts from
   * {@code USERS_TABLE} (tests, local runner).
   */
  public AuthorizerHandler(FunctionEnvironment env) {
    this(AwsAuthenticator.fromEnvironment(env), AuditLog.toLogger());
  }

  public AuthorizerHandler(Authenticator authenticator, AuditLog audit) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.priming = Priming.register("authorizer", priming(authenticator));
  }

  /** Before a SnapStart snapshot: a token checked and refused, as most requests are checked. */
  static List<Runnable> priming(Authenticator authenticator) {
    return List.of(Priming.tokenCheck(authenticator));
  }

  @Override
  public SimpleIAMPolicyResponse handleRequest(
      APIGatewayV2CustomAuthorizerEvent event, Context context) {
    return PowertoolsLogging.withLogging(context, () -> decide(event));
  }

  private SimpleIAMPolicyResponse decide(APIGatewayV2CustomAuthorizerEvent event) {
    Optional<String> token =
        event == null
            ? Optional.empty()
            : BearerToken.from(event.getIdentitySource(), event.getHeaders());
    if (token.isEmpty()) {
      refused(event, null, "NO_BEARER_TOKEN");
      return deny();
    }
    try {
      AccessToken verified = authenticator.authenticate(token.get());
      LOG.info("authorized token {} of user {}", verified.tokenId(), verified.userId());
      return new SimpleIAMPolicyResponse(
          true, Map.of(USER_ID, verified.userId(), SESSION_ID, verified.sessionId()));
    } catch (TokenRejectedException e) {
      refused(event, e.userId(), e.reason().name());
      return deny();
    }
  }

  private void refused(APIGatewayV2CustomAuthorizerEvent event, String userId, String reason) {
    audit.record(
        AuditLog.Event.TOKEN_REFUSED, userId, correlationId(event), Map.of("reason", reason));
  }

  /** The client's {@code x-correlation-id} when it is sane, else API Gateway's request id. */
  private static String correlationId(APIGatewayV2CustomAuthorizerEvent event) {
    String requestId =
        event == null || event.getRequestContext() == null
            ? MessageOrigin.newCorrelationId()
            : event.getRequestContext().getRequestId();
    String incoming = null;
    if (event != null && event.getHeaders() != null) {
      incoming =
          event.getHeaders().entrySet().stream()
              .filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals("x-correlation-id"))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    return MessageOrigin.correlationIdOr(
        incoming, requestId == null ? MessageOrigin.newCorrelationId() : requestId);
  }

  private static SimpleIAMPolicyResponse deny() {
    return new SimpleIAMPolicyResponse(false, Map.of());
  }
}
