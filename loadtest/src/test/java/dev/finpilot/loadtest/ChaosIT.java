package dev.finpilot.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.finpilot.local.HttpApiServer;
import dev.finpilot.local.StackRuntime;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos drill in small (bin/chaos is the large one): a few users at a time against the local
 * runtime in this JVM while a fault is injected; every plan still reaches a correct final state,
 * none lost, stuck or done twice (the load test's own judgement, {@link Verdict}).
 */
@WithAwsBackend
class ChaosIT {

  private static final int USERS = 6;

  private static Environment env;
  private static StackRuntime runtime;
  private static HttpApiServer server;
  private static QueueFaults faults;

  @TempDir Path out;

  @BeforeAll
  static void start(Environment environment) throws Exception {
    env = environment;
    runtime = StackRuntime.start(env, SamTemplate.read(TemplateLocator.locate()), 2);
    server = HttpApiServer.start(runtime, 0);
    faults = new QueueFaults(env.sqs(), 11);
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  @Test
  void duplicatedAndReorderedWorkflowAndExecutionMessagesChangeNothing() throws Exception {
    int[] taken = new int[2];
    LoadReport report =
        runWith(
            run -> {
              awaitAccepted(run);
              CompletableFuture<Integer> execution =
                  CompletableFuture.supplyAsync(
                      () ->
                          faults.duplicateAndReorder(
                              env.queueUrl("ExecutionQueue"), Duration.ofSeconds(20)));
              taken[0] =
                  faults.duplicateAndReorder(env.queueUrl("WorkflowQueue"), Duration.ofSeconds(20));
              taken[1] = execution.join();
            });
    assertThat(taken[0]).as("workflow messages delivered twice, out of order").isPositive();
    assertThat(taken[1]).as("execution messages delivered twice, out of order").isPositive();
    assertAllFinal(report);
  }

  @Test
  void anAccessTokenThatStopsWorkingMidFlowIsRefreshedAndThePlanGoesOn() throws Exception {
    LoadReport report =
        runWith(
            run -> {
              awaitAccepted(run);
              run.outcomes().forEach(o -> o.session.expireAccessToken());
            });
    assertThat(report.counts().refreshes()).isGreaterThanOrEqualTo(USERS);
    assertThat(report.calls()).containsKey("refresh");
    assertAllFinal(report);
  }

  @Test
  void messagesDeadLetteredMidFlowAreRedrivenAndEveryPlanEnds() throws Exception {
    int[] moved = new int[2];
    LoadReport report =
        runWith(
            run -> {
              awaitAccepted(run);
              moved[0] =
                  faults.deadLetter(
                      env.queueUrl("PlanningQueue"),
                      env.queueUrl("PlanningDeadLetterQueue"),
                      Duration.ofSeconds(20));
              // The plans whose step was set aside wait, none is lost: then the operator redrives.
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> runtime.awaitIdle(Duration.ofSeconds(2)));
              assertThat(run.outcomes().stream().filter(o -> "ACTIVE".equals(o.status)).count())
                  .isLessThan(USERS);
              moved[1] =
                  faults.redrive(
                      env.queueUrl("PlanningDeadLetterQueue"), env.queueUrl("PlanningQueue"));
            });
    assertThat(moved[0]).as("planning messages dead-lettered").isPositive();
    assertThat(moved[1]).as("redriven").isEqualTo(moved[0]);
    assertAllFinal(report);
  }

  private LoadReport runWith(Consumer<LoadRun> fault) throws InterruptedException {
    LoadOptions options = LoadOptions.local(USERS, 0, Duration.ofMinutes(6), Duration.ZERO, 3, out);
    LoadRun run =
        new LoadRun(
            options,
            URI.create("http://127.0.0.1:" + server.port()),
            Optional.empty(),
            LoadTestIT.inThisJvm(),
            "ChaosIT");
    LoadReport report = run.run(() -> fault.accept(run));
    System.out.println(report.markdown());
    return report;
  }

  private static void awaitAccepted(LoadRun run) {
    await()
        // Registration hashes each password 600,000 times: slow on a busy 2-core machine.
        .atMost(Duration.ofMinutes(8))
        .failFast(
            () ->
                assertThat(run.outcomes().stream().filter(o -> !o.accepted()).map(o -> o.error))
                    .as("why users stopped before their plan was accepted")
                    .allMatch(Objects::isNull))
        .until(() -> run.outcomes().stream().allMatch(UserOutcome::accepted));
  }

  /** Every plan final and correct: ACTIVE, or REJECTED for goals out of reach; none FAILED. */
  private static void assertAllFinal(LoadReport report) {
    LoadReport.Counts counts = report.counts();
    assertThat(counts.accepted()).isEqualTo(USERS);
    assertThat(counts.active() + counts.rejected())
        .as(report.problems().toString())
        .isEqualTo(USERS);
    assertThat(counts.failed()).isZero();
    assertThat(report.passed()).as(report.problems().toString()).isTrue();
  }
}
