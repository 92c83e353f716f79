package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.auth.AccessTokens;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SecretsManagerSigningKeys;
import dev.finpilot.messaging.Json;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local runtime's HTTP server runs the template's authorizer in front of every guarded route,
 * as API Gateway does: a correctly signed token whose account does not exist creates no plan.
 */
@WithAwsBackend
class SessionsOverHttpIT {
  private static RunningStack stack;
  private static HttpApiServer server;
  private static Environment env;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start(Environment environment) throws Exception {
    env = environment;
    stack = new RunningStack(env, 1);
    server = HttpApiServer.start(stack.runtime, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    stack.close();
  }

  private static HttpResponse<String> createPlan(String bearer) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/plans"))
            .header("authorization", bearer)
            .header("content-type", "application/json")
            .header("idempotency-key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(RunningStack.sampleRequest())))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedTokenForAMissingAccountIsRefusedAndARegisteredUserIsAccepted() throws Exception {
    String ghost =
        new AccessTokens(
                SecretsManagerSigningKeys.fromEnvironment(
                    new FunctionEnvironment(env.functionEnv("ApiFunction"))),
                Clock.systemUTC())
            .issue("ghost-" + UUID.randomUUID(), UUID.randomUUID().toString())
            .token();

    assertThat(createPlan("Bearer " + ghost).statusCode()).isEqualTo(403);
    HttpResponse<String> accepted = createPlan(stack.user("carol").bearer());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }
}
