package dev.finpilot.functions.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import dev.finpilot.auth.AccessToken;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.BearerToken;
import dev.finpilot.auth.TokenRejectedException;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SecretsManagerSigningKeys;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The HTTP API's Lambda authorizer (payload format 2.0, simple responses). A valid access token
 * yields {@code {"isAuthorized": true, "context": {"userId": "<sub>"}}}, which API Gateway hands to
 * the API function as {@code requestContext.authorizer.lambda.userId}; anything else yields {@code
 * isAuthorized: false}, and API Gateway answers the client itself without calling the API.
 *
 * <p>Why a token was refused is logged (the reason, never the token) but not returned: a client
 * learns nothing about which check failed. A failure to read the signing key is not a refusal: it
 * propagates, API Gateway answers 500, and no request gets through unchecked.
 */
public final class AuthorizerHandler
    implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {
  public static final String USER_ID = "userId";

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizerHandler.class);

  private final AccessTokens tokens;

  /** Lambda's entry point: configuration from the process environment. */
  public AuthorizerHandler() {
    this(FunctionEnvironment.fromSystem());
  }

  /** Keys from the secret named by {@code JWT_SIGNING_KEY_SECRET_ARN} (tests, local runner). */
  public AuthorizerHandler(FunctionEnvironment env) {
    this(new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(env), Clock.systemUTC()));
  }

  public AuthorizerHandler(AccessTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
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
      LOG.info("refused: no bearer token");
      return deny();
    }
    try {
      AccessToken verified = tokens.verify(token.get());
      LOG.info("authorized token {} of user {}", verified.tokenId(), verified.userId());
      return new SimpleIAMPolicyResponse(true, Map.of(USER_ID, verified.userId()));
    } catch (TokenRejectedException e) {
      LOG.info("refused: {}", e.reason());
      return deny();
    }
  }

  private static SimpleIAMPolicyResponse deny() {
    return new SimpleIAMPolicyResponse(false, Map.of());
  }
}
