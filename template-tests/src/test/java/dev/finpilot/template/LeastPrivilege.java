package dev.finpilot.template;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each function's code uses, read from its wiring (the handlers, FunctionContext,
 * SqsBatchProcessor, AwsHealthProbe, WebSocketPlanNotifier, ...), and so all the template may give
 * it: per resource of the stack, the policy templates and IAM actions granted on it and the
 * variable that names it. The template tests fail on anything more as well as anything less.
 */
final class LeastPrivilege {

  static final String CRUD = "DynamoDBCrudPolicy";
  static final String READ = "DynamoDBReadPolicy";
  static final String SEND = "SQSSendMessagePolicy";
  static final String READ_SECRET = "AWSSecretsManagerGetSecretValuePolicy";

  /** GET /health describes every table and reads every queue's depth. */
  static final String DESCRIBE_TABLE = "dynamodb:DescribeTable";

  static final String QUEUE_DEPTH = "sqs:GetQueueAttributes";
  static final String PUSH = "execute-api:ManageConnections";

  /** Every consumer's queue, by logical id, to the variable that carries its URL. */
  private static final Map<String, String> QUEUES =
      Map.of(
          "WorkflowQueue", "WORKFLOW_QUEUE_URL",
          "RetrievalQueue", "RETRIEVAL_QUEUE_URL",
          "PlanningQueue", "PLANNING_QUEUE_URL",
          "VerificationQueue", "VERIFICATION_QUEUE_URL",
          "ExecutionQueue", "EXECUTION_QUEUE_URL");

  /** Their dead-letter queues, as the API's health check names them. */
  private static final Map<String, String> DEAD_LETTER_QUEUES =
      Map.of(
          "WorkflowDeadLetterQueue", "WORKFLOW_DEAD_LETTER_QUEUE_URL",
          "RetrievalDeadLetterQueue", "RETRIEVAL_DEAD_LETTER_QUEUE_URL",
          "PlanningDeadLetterQueue", "PLANNING_DEAD_LETTER_QUEUE_URL",
          "VerificationDeadLetterQueue", "VERIFICATION_DEAD_LETTER_QUEUE_URL",
          "ExecutionDeadLetterQueue", "EXECUTION_DEAD_LETTER_QUEUE_URL");

  /** Read by every function (Powertools and the JVM), so set once in Globals. */
  static final Set<String> GLOBAL_VARIABLES =
      Set.of("POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_LOG_LEVEL", "JAVA_TOOL_OPTIONS");

  /**
   * One function's share.
   *
   * @param grants resource logical id to the policy templates and IAM actions granted on it
   * @param variables environment variable to the resource it names
   * @param literals environment variables set to plain values (not in Globals)
   */
  record Access(
      Map<String, Set<String>> grants, Map<String, String> variables, Set<String> literals) {

    /** Every variable the function gets: Globals, the names of its resources, its literals. */
    Set<String> variableNames() {
      Set<String> names = new TreeSet<>(GLOBAL_VARIABLES);
      names.addAll(variables.keySet());
      names.addAll(literals);
      return names;
    }
  }

  private static final Access API =
      function()
          .uses("PlansTable", "PLANS_TABLE", CRUD, DESCRIBE_TABLE)
          .uses("IdempotencyTable", "IDEMPOTENCY_TABLE", CRUD, DESCRIBE_TABLE)
          .uses("UsersTable", "USERS_TABLE", CRUD, DESCRIBE_TABLE)
          .uses("RateLimitTable", "RATE_LIMIT_TABLE", CRUD, DESCRIBE_TABLE)
          // Deletes only an erased account's entries; only the execution agent posts.
          .uses("LedgerTable", "LEDGER_TABLE", READ, DESCRIBE_TABLE, "dynamodb:DeleteItem")
          .uses("MarketDataTable", "MARKET_DATA_TABLE", CRUD, DESCRIBE_TABLE)
          .readsMarketData()
          .uses("JwtSigningKeySecret", "JWT_SIGNING_KEY_SECRET_ARN", READ_SECRET)
          .usesAll(QUEUES, QUEUE_DEPTH)
          .usesAll(DEAD_LETTER_QUEUES, QUEUE_DEPTH)
          .uses("WorkflowQueue", "WORKFLOW_QUEUE_URL", SEND)
          .pushesLiveUpdates()
          // Closes the connections of ended sessions and erases an account's (owner items too).
          .uses("ConnectionsTable", "CONNECTIONS_TABLE", "dynamodb:GetItem")
          .build();

  /** Checks the token, then its account and session (one TransactGetItems: GetItem only). */
  private static final Access AUTHORIZER =
      function()
          .uses("JwtSigningKeySecret", "JWT_SIGNING_KEY_SECRET_ARN", READ_SECRET)
          .uses("UsersTable", "USERS_TABLE", "dynamodb:GetItem")
          .build();

  private static final Access REALTIME =
      function()
          .uses("JwtSigningKeySecret", "JWT_SIGNING_KEY_SECRET_ARN", READ_SECRET)
          .uses("UsersTable", "USERS_TABLE", "dynamodb:GetItem")
          .uses(
              "ConnectionsTable",
              "CONNECTIONS_TABLE",
              "dynamodb:PutItem",
              "dynamodb:GetItem",
              "dynamodb:DeleteItem")
          .build();

  private static final Access WORKFLOW =
      consumerOf("WorkflowDeadLetterQueue")
          .uses("PlansTable", "PLANS_TABLE", CRUD)
          .usesAll(QUEUES, SEND)
          .pushesLiveUpdates()
          .build();

  private static final Access RETRIEVAL =
      agent("RetrievalDeadLetterQueue", READ)
          .uses("MarketDataTable", "MARKET_DATA_TABLE", CRUD)
          .readsMarketData()
          .build();

  private static final Access PLANNING =
      agent("PlanningDeadLetterQueue", CRUD)
          .uses("MarketDataTable", "MARKET_DATA_TABLE", READ)
          .literal("PLANNING_PATHS")
          .build();

  private static final Access VERIFICATION = agent("VerificationDeadLetterQueue", CRUD).build();

  private static final Access EXECUTION =
      agent("ExecutionDeadLetterQueue", READ).uses("LedgerTable", "LEDGER_TABLE", CRUD).build();

  /**
   * The market monitor lists ACTIVE plans and keeps its watch of each in the plans table, reads the
   * market through the cache (which writes entries, leases and request budgets) and hands the
   * workflow its triggers.
   */
  private static final Access MONITOR =
      function()
          .uses("PlansTable", "PLANS_TABLE", CRUD)
          .uses("MarketDataTable", "MARKET_DATA_TABLE", CRUD)
          .uses("WorkflowQueue", "WORKFLOW_QUEUE_URL", SEND)
          .readsMarketData()
          .build();

  static final Map<String, Access> BY_FUNCTION =
      Map.of(
          "ApiFunction", API,
          "AuthorizerFunction", AUTHORIZER,
          "RealtimeFunction", REALTIME,
          "WorkflowFunction", WORKFLOW,
          "RetrievalFunction", RETRIEVAL,
          "PlanningFunction", PLANNING,
          "VerificationFunction", VERIFICATION,
          "ExecutionFunction", EXECUTION,
          "MonitorFunction", MONITOR);

  private LeastPrivilege() {}

  static Access of(String function) {
    Access access = BY_FUNCTION.get(function);
    if (access == null) {
      throw new IllegalArgumentException("no expected access for " + function);
    }
    return access;
  }

  private static Builder function() {
    return new Builder();
  }

  /** A queue consumer parks poison in its dead-letter queue and knows SQS's receive limit. */
  private static Builder consumerOf(String deadLetterQueue) {
    return function()
        .literal("MAX_RECEIVE_COUNT")
        .uses(deadLetterQueue, "DEAD_LETTER_QUEUE_URL", SEND);
  }

  /**
   * An agent loads the plan it is commanded about and answers the workflow (CommandContext); only
   * some of them write to the plan.
   */
  private static Builder agent(String deadLetterQueue, String plansAccess) {
    return consumerOf(deadLetterQueue)
        .uses("PlansTable", "PLANS_TABLE", plansAccess)
        .uses("WorkflowQueue", "WORKFLOW_QUEUE_URL", SEND);
  }

  private static final class Builder {
    private final Map<String, Set<String>> grants = new TreeMap<>();
    private final Map<String, String> variables = new TreeMap<>();
    private final Set<String> literals = new TreeSet<>(Set.of("POWERTOOLS_SERVICE_NAME"));

    Builder uses(String resource, String variable, String... granted) {
      Set<String> onResource = grants.computeIfAbsent(resource, r -> new TreeSet<>());
      Collections.addAll(onResource, granted);
      variables.put(variable, resource);
      return this;
    }

    Builder usesAll(Map<String, String> variablesByResource, String granted) {
      variablesByResource.forEach((resource, variable) -> uses(resource, variable, granted));
      return this;
    }

    /** Pushes plan changes to the owner's open connections and forgets gone ones (410). */
    Builder pushesLiveUpdates() {
      return uses("ConnectionsTable", "CONNECTIONS_TABLE", "dynamodb:Query", "dynamodb:DeleteItem")
          .uses("WebSocketApi", "WEBSOCKET_ENDPOINT", PUSH);
    }

    /**
     * Reads market data through the cache to the providers (MarketDataSources): their names in
     * order, and the secret holding the Alpha Vantage keys. The cache, leases and budgets are in
     * the market-data table, granted with it.
     */
    Builder readsMarketData() {
      return literal("MARKET_DATA_SOURCES")
          .uses("MarketDataApiKeySecret", "MARKET_DATA_API_KEY_SECRET_ARN", READ_SECRET);
    }

    Builder literal(String variable) {
      literals.add(variable);
      return this;
    }

    Access build() {
      return new Access(grants, variables, literals);
    }
  }
}
