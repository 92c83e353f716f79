package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.aws.DynamoLedgerStore;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.domain.Money;
import dev.finpilot.execution.Transaction;
import dev.finpilot.execution.TransactionType;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The monitoring loop through real queues and tables: a life event reported against an ACTIVE plan
 * is reviewed by the agents, and a new version replaces the active one only once its owner
 * approves.
 */
@WithAwsBackend
class PlanReviewIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static RunningStack stack;
  private static DynamoPlanRepository plans;
  private static DynamoLedgerStore ledger;

  @BeforeAll
  static void start(Environment env) {
    stack = new RunningStack(env, 2);
    plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
    ledger = new DynamoLedgerStore(env.dynamoDb(), env.tableName("LedgerTable"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aDivorceProposesAVersionThatReplacesTheActiveOneOnceApproved() {
    String planId = activePlan("dana");

    long reported = System.nanoTime();
    JsonNode accepted = reportDivorce("dana", planId, "corr-review-1");
    assertThat(accepted.path("review").path("action").asText()).isEqualTo("REPLAN");
    JsonNode pending = awaitStatus("dana", planId, "AWAITING_APPROVAL");
    System.out.printf(
        "life event -> AWAITING_APPROVAL in %d ms%n",
        Duration.ofNanos(System.nanoTime() - reported).toMillis());
    assertThat(pending.path("pendingVersion").asInt()).as(pending.toString()).isEqualTo(2);
    assertThat(pending.path("activeVersion").asInt()).isEqualTo(1);
    assertThat(pending.path("request").path("state").path("filingStatus").asText())
        .isEqualTo("SINGLE");
    JsonNode comparison = stack.get("dana", "/v1/plans/" + planId + "/compare?from=1&to=2");
    assertThat(comparison.path("to").asInt()).as(comparison.toString()).isEqualTo(2);
    int transactionsBefore = transactions(planId).size();

    APIGatewayV2HTTPResponse approved =
        stack.post("dana", "/v1/plans/" + planId + "/versions/2/approve", null, "corr-review-2");
    assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(202);
    long approvedAt = System.nanoTime();
    JsonNode active = awaitStatus("dana", planId, "ACTIVE");
    System.out.printf(
        "approval -> ACTIVE on version 2 in %d ms%n",
        Duration.ofNanos(System.nanoTime() - approvedAt).toMillis());

    assertThat(active.path("activeVersion").asInt()).isEqualTo(2);
    assertThat(active.path("statusReason").asText()).isEqualTo("version 2 replaced version 1");
    List<Transaction> log = transactions(planId);
    assertThat(log)
        .as("version 2 was applied to the ledger")
        .hasSizeGreaterThan(transactionsBefore)
        .anySatisfy(t -> assertThat(t.executionKey()).contains("#v2#"));
    // Carried out in the same month, version 1's first month is undone, not doubled; a run that
    // straddles a month boundary keeps version 1's month, as the ledger must.
    String first = planId + "#v1#first-month";
    boolean sameMonth = monthOf(log, first).equals(monthOf(log, planId + "#v2#first-month"));
    assertThat(log)
        .filteredOn(t -> t.executionKey().equals(first) && t.isReversal())
        .extracting(t -> t.reversalOf().orElseThrow())
        .as("every transaction of version 1's first month is reversed, in the same month only")
        .containsExactlyInAnyOrderElementsOf(
            sameMonth
                ? log.stream()
                    .filter(t -> t.executionKey().equals(first) && !t.isReversal())
                    .map(Transaction::id)
                    .toList()
                : List.of());
    assertThat(log)
        .filteredOn(t -> t.executionKey().equals(planId + "#v2#first-month"))
        .isNotEmpty()
        .noneMatch(Transaction::isReversal);
    Money secondMonth = deposits(log, planId + "#v2#first-month");
    assertThat(secondMonth.isPositive()).isTrue();
    Money funded = sameMonth ? secondMonth : secondMonth.plus(deposits(log, first));
    assertThat(deposits(log, null))
        .as("deposits net of reversals: one month's for each month")
        .isEqualTo(funded);
    assertThat(ledger.books(plans.find(planId).orElseThrow().userId()).orElseThrow().external())
        .as("the outside world funded each month once")
        .isEqualTo(funded.negate());
    List<PlanEvent> history = plans.history(planId);
    assertThat(history)
        .extracting(PlanEvent::to)
        .containsSubsequence(
            PlanStatus.ACTIVE,
            PlanStatus.RETRIEVING,
            PlanStatus.PLANNING,
            PlanStatus.VERIFYING,
            PlanStatus.AWAITING_APPROVAL,
            PlanStatus.EXECUTING,
            PlanStatus.ACTIVE);
    assertThat(history)
        .filteredOn(e -> e.messageType().equals("VersionApproved"))
        .extracting(PlanEvent::correlationId)
        .containsExactly("corr-review-2");
  }

  @Test
  void aDeclinedVersionLeavesTheFirstInForce() {
    String planId = activePlan("erin");
    reportDivorce("erin", planId, "corr-review-3");
    awaitStatus("erin", planId, "AWAITING_APPROVAL");
    int transactionsBefore = transactions(planId).size();

    APIGatewayV2HTTPResponse declined =
        stack.post("erin", "/v1/plans/" + planId + "/versions/2/reject", null, "corr-review-4");
    assertThat(declined.getStatusCode()).as(declined.getBody()).isEqualTo(202);
    JsonNode active = awaitStatus("erin", planId, "ACTIVE");

    assertThat(active.path("activeVersion").asInt()).isEqualTo(1);
    assertThat(active.path("currentVersion").asInt()).isEqualTo(2);
    assertThat(active.path("statusReason").asText()).contains("declined by its owner");
    assertThat(transactions(planId)).hasSize(transactionsBefore);
  }

  @Test
  void anEventReportedWhileAVersionAwaitsApprovalIsReviewedAfterTheDecision() {
    String planId = activePlan("gina");
    reportDivorce("gina", planId, "corr-review-6");
    awaitStatus("gina", planId, "AWAITING_APPROVAL");

    APIGatewayV2HTTPResponse reported =
        stack.post(
            "gina",
            "/v1/plans/" + planId + "/life-events",
            "{\"type\": \"NEW_DEPENDENT\"}",
            "corr-review-7");
    assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(202);
    assertThat(Json.readTree(reported.getBody()).path("deferred").asBoolean()).isTrue();
    stack.awaitPlan(
        "gina", planId, PATIENCE, p -> p.path("statusReason").asText().contains("NEW_DEPENDENT"));
    stack.post("gina", "/v1/plans/" + planId + "/versions/2/reject", null, "corr-review-8");

    stack.awaitPlan(
        "gina",
        planId,
        PATIENCE,
        p -> plans.history(planId).stream().anyMatch(e -> e.to() == PlanStatus.REVIEWING));
    JsonNode plan =
        stack.awaitPlan(
            "gina",
            planId,
            PATIENCE,
            p -> Set.of("ACTIVE", "AWAITING_APPROVAL").contains(p.path("status").asText()));
    assertThat(plan.path("request").path("state").path("dependents").asInt())
        .isEqualTo(RunningStack.sampleRequest().path("state").path("dependents").asInt() + 1);
    assertThat(plan.path("request").path("state").path("filingStatus").asText())
        .as("both reports' numbers")
        .isEqualTo("SINGLE");
    assertThat(plan.path("activeVersion").asInt()).isEqualTo(1);
  }

  @Test
  void aRaiseIsReverifiedAndThePlanStandsWithoutANewVersion() {
    String planId = activePlan("fred");

    APIGatewayV2HTTPResponse reported =
        stack.post(
            "fred",
            "/v1/plans/" + planId + "/life-events",
            "{\"type\": \"INCOME_CHANGE\", \"incomeChangePercent\": \"30\"}",
            "corr-review-5");
    assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(202);
    assertThat(Json.readTree(reported.getBody()).path("review").path("action").asText())
        .isEqualTo("REVERIFY");
    JsonNode plan =
        stack.awaitPlan(
            "fred",
            planId,
            PATIENCE,
            p -> p.path("statusReason").asText().contains("still passes verification"));

    assertThat(plan.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(plan.path("currentVersion").asInt()).isEqualTo(1);
    assertThat(
            plan.path("request").path("state").path("annualIncome").path("amount").decimalValue())
        .isEqualByComparingTo("188500");
    assertThat(plans.history(planId))
        .extracting(PlanEvent::to)
        .containsSubsequence(PlanStatus.ACTIVE, PlanStatus.REVIEWING, PlanStatus.ACTIVE);
  }

  @Test
  void anIncomeCutOfThirtyPercentEndsInARelaxedVersionToApproveAsTheReadmeShows() {
    String planId = activePlan("hana");

    APIGatewayV2HTTPResponse reported =
        stack.post(
            "hana",
            "/v1/plans/" + planId + "/life-events",
            "{\"type\": \"INCOME_CHANGE\", \"incomeChangePercent\": \"-30\"}",
            "corr-review-9");
    assertThat(reported.getStatusCode()).as(reported.getBody()).isEqualTo(202);
    JsonNode pending =
        stack.awaitPlan(
            "hana",
            planId,
            PATIENCE,
            p ->
                Set.of("AWAITING_APPROVAL", "ACTIVE").contains(p.path("status").asText())
                    && p.path("currentVersion").asInt() > 1);

    assertThat(pending.path("status").asText())
        .as(pending.toString())
        .isEqualTo("AWAITING_APPROVAL");
    assertThat(pending.path("activeVersion").asInt()).isEqualTo(1);
    int relaxed = pending.path("pendingVersion").asInt();
    assertThat(relaxed).as("three rounds as asked, then the relaxed version").isEqualTo(5);
    String proposal = plans.findVersion(planId, relaxed).orElseThrow().reasoning().proposal();
    assertThat(proposal).containsPattern("version 5 (moves|lowers|saves|takes) ");
    assertThat(pending.path("statusReason").asText())
        .startsWith(
            "no plan passed verification in 3 rounds after HIGH INCOME_CHANGE: income change of"
                + " -30%")
        .contains(proposal)
        .endsWith("it awaits its owner's approval; version 1 stays in force until then");

    APIGatewayV2HTTPResponse approved =
        stack.post("hana", "/v1/plans/" + planId + "/versions/5/approve", null, "corr-review-10");
    assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(202);
    JsonNode active = awaitStatus("hana", planId, "ACTIVE");
    assertThat(active.path("activeVersion").asInt()).isEqualTo(5);
    assertThat(active.path("statusReason").asText()).isEqualTo("version 5 replaced version 1");
    assertThat(transactions(planId)).anySatisfy(t -> assertThat(t.executionKey()).contains("#v5#"));
  }

  private String activePlan(String user) {
    APIGatewayV2HTTPResponse accepted =
        stack.submit(user, RunningStack.sampleRequest(), "corr-" + user);
    String planId = Json.readTree(accepted.getBody()).path("planId").asText();
    assertThat(stack.awaitFinal(user, planId, PATIENCE).path("status").asText())
        .isEqualTo("ACTIVE");
    return planId;
  }

  /** A divorce with the household's numbers otherwise unchanged, now filing single. */
  private JsonNode reportDivorce(String user, String planId, String correlationId) {
    ObjectNode state = (ObjectNode) RunningStack.sampleRequest().get("state").deepCopy();
    state.put("filingStatus", "SINGLE");
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("type", "DIVORCE");
    body.set("state", state);
    APIGatewayV2HTTPResponse response =
        stack.post(user, "/v1/plans/" + planId + "/life-events", Json.write(body), correlationId);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    return Json.readTree(response.getBody());
  }

  private JsonNode awaitStatus(String user, String planId, String status) {
    return stack.awaitPlan(user, planId, PATIENCE, p -> status.equals(p.path("status").asText()));
  }

  /** The UTC month an execution's first transaction was posted in. */
  private static YearMonth monthOf(List<Transaction> log, String executionKey) {
    return log.stream()
        .filter(t -> t.executionKey().equals(executionKey) && !t.isReversal())
        .map(t -> YearMonth.from(t.postedAt().atZone(ZoneOffset.UTC)))
        .findFirst()
        .orElseThrow();
  }

  /** Deposits of one execution key (all keys when null), a reversal counting negative. */
  private static Money deposits(List<Transaction> log, String executionKey) {
    return log.stream()
        .filter(t -> t.type() == TransactionType.DEPOSIT)
        .filter(t -> executionKey == null || t.executionKey().equals(executionKey))
        .map(t -> t.isReversal() ? t.amount().negate() : t.amount())
        .reduce(Money.usd(0), Money::plus);
  }

  private List<Transaction> transactions(String planId) {
    String userId = plans.find(planId).orElseThrow().userId();
    return ledger.transactions(userId);
  }
}
