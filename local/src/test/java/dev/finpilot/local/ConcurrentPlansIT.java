package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many users at once: every plan reaches a final state exactly once, none lost or doubled. */
@WithAwsBackend
class ConcurrentPlansIT {

  private static final int PLANS = 50;

  private static RunningStack stack;
  private static DynamoPlanRepository plans;

  @BeforeAll
  static void start(Environment env) {
    stack = new RunningStack(env, 4);
    plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void fiftyPlansSubmittedConcurrentlyAllReachAFinalState() throws Exception {
    long started = System.nanoTime();
    ExecutorService clients = Executors.newFixedThreadPool(10);
    List<Future<APIGatewayV2HTTPResponse>> submissions =
        IntStream.range(0, PLANS)
            .mapToObj(
                i ->
                    clients.submit(
                        () -> stack.submit("user-" + i, RunningStack.sampleRequest(), "c-" + i)))
            .toList();
    List<String> planIds = new ArrayList<>();
    for (Future<APIGatewayV2HTTPResponse> f : submissions) {
      APIGatewayV2HTTPResponse response = f.get();
      assertThat(response.getStatusCode()).isEqualTo(202);
      planIds.add(Json.readTree(response.getBody()).get("planId").asText());
    }
    clients.shutdown();

    for (int i = 0; i < PLANS; i++) {
      JsonNode plan = stack.awaitFinal("user-" + i, planIds.get(i), Duration.ofMinutes(5));
      assertThat(plan.get("status").asText()).isEqualTo("ACTIVE");
    }
    System.out.printf(
        "%d concurrent plans final in %d ms%n",
        PLANS, Duration.ofNanos(System.nanoTime() - started).toMillis());

    assertThat(planIds).doesNotHaveDuplicates();
    for (int i = 0; i < PLANS; i++) {
      PlanRepository.Page<?> mine = plans.listByUser("user-" + i, 10, null);
      assertThat(mine.items()).hasSize(1);
      List<PlanEvent> history = plans.history(planIds.get(i));
      assertThat(history).filteredOn(e -> e.to() == PlanStatus.ACTIVE).hasSize(1);
      assertThat(history).extracting(PlanEvent::correlationId).containsOnly("c-" + i);
    }
  }
}
