package dev.finpilot.functions.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.finpilot.agents.ScriptedMarket;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.functions.workflow.WorkflowHandler;
import dev.finpilot.market.Rate;
import dev.finpilot.market.Series;
import dev.finpilot.plans.ActivePlanFixtures;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.retrieval.providers.ProviderFixtures;
import dev.finpilot.retrieval.providers.ProviderStubServer;
import dev.finpilot.retrieval.providers.ProviderStubServer.Answer;
import dev.finpilot.testing.MutableClock;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.sqs.LocalContext;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled monitor as deployed, reading Yahoo Finance's chart API (a local stub answering in
 * its format) through the market-data cache, against the template's plans table and queues with the
 * workflow behind them. The runs are 15 minutes apart on the handler's clock, longer than the daily
 * closes are cached for here, so each run reads what the stub's market did meanwhile.
 */
@WithAwsBackend
class MonitorLiveMarketIT {

  private static final Instant FIRST_RUN = Instant.parse("2026-03-02T14:15:00Z");
  private static final Duration SCHEDULE = Duration.ofMinutes(15);

  private final Environment env;
  private final DynamoPlanRepository plans;
  private final ProviderStubServer yahoo = ProviderStubServer.start();
  private final ScriptedMarket market = new ScriptedMarket(LocalDate.of(2025, 1, 2));
  private final MutableClock clock = new MutableClock(FIRST_RUN);
  private final MonitorHandler handler;

  MonitorLiveMarketIT(Environment env) {
    this.env = env;
    Map<String, String> vars = new HashMap<>(env.functionEnv("MonitorFunction"));
    vars.putAll(yahoo.environment());
    vars.put("MARKET_DATA_SOURCES", "yahoo-finance");
    vars.put("SERIES_CACHE_SECONDS", "600");
    this.plans = new DynamoPlanRepository(env.dynamoDb(), vars.get("PLANS_TABLE"));
    this.handler = new MonitorHandler(new FunctionEnvironment(vars), clock);
  }

  @AfterEach
  void stopStub() {
    yahoo.close();
  }

  @Test
  void a37PercentFallReviewsThePlansBaselinedBeforeItOnceAndAFurtherFallRaisesAgain() {
    activate("before-1");
    activate("before-2");
    serve(market.moveTo("100", 30));
    Map<String, Object> baselined = run();

    serve(market.moveTo("63", 252));
    LocalDate fallenTo = market.dailyCloses("SPY").latest().date();
    activate("after");
    SqsEventSourceMapping workflow =
        env.startPoller(
            "WorkflowFunction",
            new WorkflowHandler(new FunctionEnvironment(env.functionEnv("WorkflowFunction"))));
    try {
      Map<String, Object> fallen = run();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(status("before-1")).isEqualTo(PlanStatus.RETRIEVING);
                assertThat(status("before-2")).isEqualTo(PlanStatus.RETRIEVING);
              });
      PlanStatus afterOnceTheOthersAreReviewed = status("after");
      Map<String, Object> steady = run();
      serve(market.moveTo("50", 20));
      Map<String, Object> fallenFurther = run();

      assertThat(baselined).containsEntry("plansBaselined", 2).containsEntry("triggersRaised", 0);
      assertThat(baselined.get("withoutDataReason")).isNull();
      assertThat(fallen)
          .containsEntry("asOf", fallenTo.toString())
          .containsEntry("plansWatched", 2)
          .containsEntry("plansBaselined", 1)
          .containsEntry("triggersRaised", 2);
      assertThat(plans.find("before-1").orElseThrow().review().reasons().get(0))
          .contains("SPY is 37.00% below the plan's baseline of 100");
      assertThat(afterOnceTheOthersAreReviewed).isEqualTo(PlanStatus.ACTIVE);
      assertThat(steady).containsEntry("plansWatched", 1).containsEntry("triggersRaised", 0);
      assertThat(fallenFurther).containsEntry("plansWatched", 1).containsEntry("triggersRaised", 1);
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(status("after")).isEqualTo(PlanStatus.RETRIEVING));
      assertThat(plans.find("after").orElseThrow().review().reasons().get(0))
          .contains("SPY is 20.63% below the plan's baseline of 63");
      assertThat(yahoo.yahooCalls("SPY")).isEqualTo(4);
    } finally {
      workflow.close();
    }
  }

  /** The stub answers the market's closes so far, with level yields on the same days. */
  private void serve(ScriptedMarket closes) {
    closes.yieldMovesTo(Rate.DGS3MO, "4.20", "4.20").yieldMovesTo(Rate.DGS10, "4.10", "4.10");
    yahoo.yahoo("SPY", chart("SPY", closes.dailyCloses("SPY")));
    yahoo.yahoo("^IRX", chart("^IRX", closes.treasuryYield(Rate.DGS3MO)));
    yahoo.yahoo("^TNX", chart("^TNX", closes.treasuryYield(Rate.DGS10)));
  }

  private static Answer chart(String symbol, Series series) {
    return Answer.ok(ProviderFixtures.yahooChart(symbol, series.points()));
  }

  /** The next scheduled run, as EventBridge invokes it. */
  private Map<String, Object> run() {
    Instant scheduled = clock.instant();
    Map<String, Object> run =
        handler.handleRequest(
            Map.of("detail-type", "Scheduled Event", "time", scheduled.toString()),
            LocalContext.forInvocation(env.function("MonitorFunction")));
    assertThat(run).containsEntry("runId", scheduled.toString());
    clock.advance(SCHEDULE);
    return run;
  }

  private PlanStatus status(String planId) {
    return plans.find(planId).orElseThrow().status();
  }

  private void activate(String planId) {
    plans.create(ActivePlanFixtures.active(planId, 1, FIRST_RUN));
  }
}
