package dev.finpilot.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime contract (issue 4) the template must honour: which functions exist, where their code
 * and handlers live, which queue triggers each, and the names of tables. What each function may use
 * is in {@link LeastPrivilege}.
 */
final class Contract {

  private Contract() {}

  /** One Lambda function of the contract table. */
  record Function(String logicalId, String module, String handlerClass, Optional<String> queue) {

    String codeUri() {
      return "functions/" + module + "/target/" + module + ".zip";
    }

    String handler() {
      return handlerClass + "::handleRequest";
    }

    /** Path of the handler's source file, relative to the project root. */
    String handlerSource() {
      return "functions/" + module + "/src/main/java/" + handlerClass.replace('.', '/') + ".java";
    }

    /** Entry of the compiled handler class inside the Lambda zip (classes sit at the zip root). */
    String handlerZipEntry() {
      return handlerClass.replace('.', '/') + ".class";
    }

    /**
     * The dead-letter queue of the trigger queue: {@code PlanningQueue -> PlanningDeadLetterQueue}.
     */
    Optional<String> deadLetterQueue() {
      return queue.map(q -> q.replaceFirst("Queue$", "DeadLetterQueue"));
    }
  }

  static final List<Function> FUNCTIONS =
      List.of(
          new Function(
              "ApiFunction", "api", "dev.finpilot.functions.api.ApiHandler", Optional.empty()),
          new Function(
              "AuthorizerFunction",
              "authorizer",
              "dev.finpilot.functions.authorizer.AuthorizerHandler",
              Optional.empty()),
          new Function(
              "RealtimeFunction",
              "realtime",
              "dev.finpilot.functions.realtime.RealtimeHandler",
              Optional.empty()),
          agent("WorkflowFunction", "workflow", "WorkflowHandler", "WorkflowQueue"),
          agent("RetrievalFunction", "retrieval", "RetrievalHandler", "RetrievalQueue"),
          agent("PlanningFunction", "planning", "PlanningHandler", "PlanningQueue"),
          agent("VerificationFunction", "verification", "VerificationHandler", "VerificationQueue"),
          agent("ExecutionFunction", "execution", "ExecutionHandler", "ExecutionQueue"),
          new Function(
              "MonitorFunction",
              "monitor",
              "dev.finpilot.functions.monitor.MonitorHandler",
              Optional.empty()));

  static final List<String> AGENT_QUEUES =
      List.of("RetrievalQueue", "PlanningQueue", "VerificationQueue", "ExecutionQueue");

  static final List<String> TABLES =
      List.of(
          "PlansTable",
          "MarketDataTable",
          "LedgerTable",
          "IdempotencyTable",
          "UsersTable",
          "RateLimitTable",
          "ConnectionsTable");

  static final List<String> TABLES_WITH_TTL =
      List.of(
          "PlansTable",
          "MarketDataTable",
          "IdempotencyTable",
          "UsersTable",
          "RateLimitTable",
          "ConnectionsTable");

  /** Tables whose loss is loss of user data: protected from deletion in prod and retained. */
  static final List<String> PROTECTED_TABLES = List.of("PlansTable", "LedgerTable", "UsersTable");

  /** Routes anyone may call; every other route of the HTTP API needs an access token. */
  static final List<String> PUBLIC_ROUTES =
      List.of(
          "GET /health",
          "GET /openapi.yaml",
          "GET /docs",
          "POST /v1/auth/register",
          "POST /v1/auth/login",
          "POST /v1/auth/refresh");

  static final String TTL_ATTRIBUTE = "expiresAt";

  static final int MAX_RECEIVE_COUNT = 5;

  /** Message types each queue's consumer accepts. */
  static final Map<String, List<String>> MESSAGE_TYPES_BY_QUEUE =
      Map.of(
          "WorkflowQueue",
              List.of(
                  "MarketDataRetrieved",
                  "PlanGenerated",
                  "PlanVerified",
                  "PlanExecuted",
                  "AgentFailed"),
          "RetrievalQueue", List.of("RetrieveMarketData"),
          "PlanningQueue", List.of("GeneratePlan"),
          "VerificationQueue", List.of("VerifyPlan"),
          "ExecutionQueue", List.of("ExecutePlan"));

  static final List<String> MESSAGE_ATTRIBUTES =
      List.of("correlationId", "causationId", "messageType", "planId");

  static Function function(String logicalId) {
    return FUNCTIONS.stream()
        .filter(f -> f.logicalId().equals(logicalId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not in the contract: " + logicalId));
  }

  static List<Function> queueConsumers() {
    return FUNCTIONS.stream().filter(f -> f.queue().isPresent()).toList();
  }

  private static Function agent(String logicalId, String module, String simpleName, String queue) {
    return new Function(
        logicalId,
        module,
        "dev.finpilot.functions." + module + "." + simpleName,
        Optional.of(queue));
  }
}
