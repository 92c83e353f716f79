package dev.finpilot.functions.api;

import dev.finpilot.accounts.erasure.PersonalData;
import dev.finpilot.auth.AccessTokens;
import dev.finpilot.auth.LiveConnections;
import dev.finpilot.auth.SessionStore;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.DynamoPersonalData;
import dev.finpilot.aws.DynamoSessionStore;
import dev.finpilot.aws.EmfPlanMetrics;
import dev.finpilot.aws.FunctionContext;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.MarketDataSources;
import dev.finpilot.aws.SecretsManagerSigningKeys;
import dev.finpilot.aws.WebSocketConnectionCloser;
import dev.finpilot.aws.WebSocketPlanNotifier;
import dev.finpilot.execution.LedgerStore;
import dev.finpilot.functions.api.accounts.AttemptCounters;
import dev.finpilot.functions.api.accounts.DynamoAttemptCounters;
import dev.finpilot.functions.api.accounts.DynamoRefreshTokenStore;
import dev.finpilot.functions.api.accounts.DynamoUserStore;
import dev.finpilot.functions.api.accounts.PasswordHasher;
import dev.finpilot.functions.api.accounts.RefreshTokenStore;
import dev.finpilot.functions.api.accounts.UserStore;
import dev.finpilot.functions.api.limits.BucketStore;
import dev.finpilot.functions.api.limits.DynamoBucketStore;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.retrieval.MarketData;
import dev.finpilot.workflow.MeteredPlanNotifier;
import dev.finpilot.workflow.PlanNotifier;
import java.time.Clock;
import java.util.Objects;

/**
 * The ports the API works through. Lambda and the integration tests build the real DynamoDB, SQS
 * and Secrets Manager adapters from the environment; unit tests pass in-memory fakes.
 *
 * @param sessions the sessions access tokens belong to (in the users table)
 * @param attempts login-attempt counters
 * @param buckets per-user rate-limit buckets
 * @param notifier tells owners of the changes made here (cancellations) over their WebSockets
 * @param marketData quotes and daily closes, read through the market-data cache to the providers
 * @param connections the owners' open WebSocket connections, closed when their sessions end
 * @param personalData everything kept about an account in every table, for export and erasure
 */
public record ApiBackend(
    PlanRepository plans,
    MessageBus bus,
    LedgerStore ledger,
    HealthProbe health,
    UserStore users,
    RefreshTokenStore refreshTokens,
    SessionStore sessions,
    AttemptCounters attempts,
    BucketStore buckets,
    IdempotencyStore idempotency,
    AccessTokens accessTokens,
    PasswordHasher passwords,
    Clock clock,
    PlanNotifier notifier,
    MarketData marketData,
    LiveConnections connections,
    PersonalData personalData) {

  public ApiBackend {
    Objects.requireNonNull(plans, "plans");
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(refreshTokens, "refreshTokens");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(attempts, "attempts");
    Objects.requireNonNull(buckets, "buckets");
    Objects.requireNonNull(idempotency, "idempotency");
    Objects.requireNonNull(accessTokens, "accessTokens");
    Objects.requireNonNull(passwords, "passwords");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(marketData, "marketData");
    Objects.requireNonNull(connections, "connections");
    Objects.requireNonNull(personalData, "personalData");
  }

  /** The real adapters, configured by the function's environment variables. */
  public static ApiBackend fromEnvironment(FunctionEnvironment env) {
    FunctionContext agent = FunctionContext.create(env);
    String usersTable = env.require("USERS_TABLE");
    String rateLimitTable = env.require("RATE_LIMIT_TABLE");
    return new ApiBackend(
        agent.plans(),
        agent.bus(),
        new DynamoLedgerStore(agent.dynamo(), env.require("LEDGER_TABLE")),
        new AwsHealthProbe(agent.dynamo(), agent.sqs(), env),
        new DynamoUserStore(agent.dynamo(), usersTable),
        new DynamoRefreshTokenStore(agent.dynamo(), usersTable),
        new DynamoSessionStore(agent.dynamo(), usersTable),
        new DynamoAttemptCounters(agent.dynamo(), rateLimitTable),
        new DynamoBucketStore(agent.dynamo(), rateLimitTable),
        new DynamoIdempotencyStore(agent.dynamo(), env.require("IDEMPOTENCY_TABLE")),
        new AccessTokens(SecretsManagerSigningKeys.fromEnvironment(env), agent.clock()),
        new PasswordHasher(),
        agent.clock(),
        // The owner's cancellation is a transition too: counted as the workflow's are.
        new MeteredPlanNotifier(
            EmfPlanMetrics.powertools(),
            WebSocketPlanNotifier.fromEnvironment(env, agent.dynamo(), agent.clock())),
        MarketDataSources.from(env, agent.dynamo(), agent.clock()),
        WebSocketConnectionCloser.fromEnvironment(env, agent.dynamo(), agent.clock()),
        new DynamoPersonalData(agent.dynamo(), DynamoPersonalData.Tables.fromEnvironment(env)));
  }
}
