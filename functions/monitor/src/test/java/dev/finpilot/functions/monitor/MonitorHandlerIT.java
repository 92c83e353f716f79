package dev.finpilot.functions.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.finpilot.agents.MarketWatch;
import dev.finpilot.agents.MonitorMetrics;
import dev.finpilot.agents.MonitorRun;
import dev.finpilot.agents.ScriptedMarket;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.DynamoPlanWatches;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SqsMessageBus;
import dev.finpilot.functions.workflow.WorkflowHandler;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.ActivePlanFixtures;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.sqs.LocalContext;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/** The market monitor against the template's plans table and queues on the emulator. */
@WithAwsBackend
class MonitorHandlerIT {

  private static final Instant MONDAY = Instant.parse("2026-03-02T14:15:00Z");

  private final Environment env;
  private final Map<String, String> vars;
  private final DynamoPlanRepository plans;

  MonitorHandlerIT(Environment env) {
    this.env = env;
    this.vars = env.functionEnv("MonitorFunction");
    this.plans = new DynamoPlanRepository(env.dynamoDb(), vars.get("PLANS_TABLE"));
  }

  @Test
  void aFallOf37PercentPutsThePlansBaselinedBeforeItUnderReviewAndOnlyThem() {
    ScriptedMarket market = new ScriptedMarket(LocalDate.of(2025, 1, 2)).moveTo("100", 30);
    MarketWatch watch =
        new MarketWatch(
            market,
            plans,
            new DynamoPlanWatches(env.dynamoDb(), vars.get("PLANS_TABLE")),
            SqsMessageBus.fromEnvironment(env.sqs(), new FunctionEnvironment(vars)),
            MonitorMetrics.NONE);
    activate("before-1");
    activate("before-2");
    MonitorRun baselined = watch.run(MONDAY);
    market.moveTo("63", 252);
    activate("after");
    SqsEventSourceMapping workflow =
        env.startPoller(
            "WorkflowFunction",
            new WorkflowHandler(new FunctionEnvironment(env.functionEnv("WorkflowFunction"))));
    try {
      MonitorRun fallen = watch.run(MONDAY.plus(Duration.ofMinutes(15)));
      MonitorRun again = watch.run(MONDAY.plus(Duration.ofMinutes(30)));

      assertThat(baselined.plansBaselined()).isEqualTo(2);
      assertThat(fallen.triggersRaised()).isEqualTo(2);
      assertThat(fallen.plansBaselined()).isEqualTo(1);
      assertThat(again.triggersRaised()).isZero();
      List<Message> reviews = env.queue("RetrievalQueue").awaitMessages(2);
      assertThat(reviews)
          .extracting(m -> Json.read(m.body(), Envelope.class))
          .allSatisfy(e -> assertThat(e.type()).isEqualTo(MessageType.RETRIEVE_MARKET_DATA))
          .extracting(Envelope::planId)
          .containsExactlyInAnyOrder("before-1", "before-2");
      assertThat(reviews)
          .allSatisfy(
              m ->
                  assertThat(m.messageAttributes().get("correlationId").stringValue())
                      .isEqualTo("market-monitor-" + MONDAY.plus(Duration.ofMinutes(15))));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(status("before-1")).isEqualTo(PlanStatus.RETRIEVING);
                assertThat(status("before-2")).isEqualTo(PlanStatus.RETRIEVING);
              });
      assertThat(status("after")).isEqualTo(PlanStatus.ACTIVE);
      assertThat(plans.find("before-1").orElseThrow().review().reasons().get(0))
          .contains("SPY is 37.00% below the plan's baseline of 100");
    } finally {
      workflow.close();
    }
  }

  @Test
  void offlineTheScheduledRunSaysItHasNoLiveDataAndRaisesNothing() throws Exception {
    Map<String, Object> event =
        Json.mapper()
            .readValue(
                Files.readString(Path.of("../../events/monitor/scheduled.json")),
                new TypeReference<>() {});

    Map<String, Object> run =
        new MonitorHandler(new FunctionEnvironment(vars))
            .handleRequest(event, LocalContext.forInvocation(env.function("MonitorFunction")));

    assertThat(run)
        .containsEntry("runId", "2026-03-02T14:15:00Z")
        .containsEntry("triggersRaised", 0);
    assertThat(run.get("withoutDataReason").toString()).contains("MARKET_DATA_SOURCES is empty");
    assertThat(env.queue("WorkflowQueue").receive()).isEmpty();
  }

  private PlanStatus status(String planId) {
    return plans.find(planId).orElseThrow().status();
  }

  private void activate(String planId) {
    plans.create(ActivePlanFixtures.active(planId, 1, MONDAY));
  }
}
