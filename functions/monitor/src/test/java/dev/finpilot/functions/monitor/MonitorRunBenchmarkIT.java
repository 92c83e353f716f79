package dev.finpilot.functions.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.agents.MarketWatch;
import dev.finpilot.agents.MonitorMetrics;
import dev.finpilot.agents.MonitorRun;
import dev.finpilot.agents.ScriptedMarket;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.aws.DynamoPlanWatches;
import dev.finpilot.aws.FunctionEnvironment;
import dev.finpilot.aws.SqsMessageBus;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import dev.finpilot.plans.ActivePlanFixtures;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One monitor run over 1,000 ACTIVE plans on the emulator: its time, the DynamoDB requests and
 * items it reads and the triggers it sends (docs/benchmarks.md). Prints the numbers.
 */
@WithAwsBackend
class MonitorRunBenchmarkIT {

  private static final int PLANS = 1_000;
  private static final Instant START = Instant.parse("2026-03-02T14:15:00Z");

  private final Environment env;

  MonitorRunBenchmarkIT(Environment env) {
    this.env = env;
  }

  @Test
  void oneRunOverAThousandActivePlans() {
    Map<String, String> vars = env.functionEnv("MonitorFunction");
    String table = vars.get("PLANS_TABLE");
    DynamoPlanRepository setup = new DynamoPlanRepository(env.dynamoDb(), table);
    IntStream.range(0, PLANS)
        .parallel()
        .forEach(
            i -> setup.create(ActivePlanFixtures.active(String.format("bench-%04d", i), 1, START)));
    DynamoCalls calls = new DynamoCalls();
    DynamoDbClient counted =
        DynamoDbClient.builder()
            .overrideConfiguration(c -> c.addExecutionInterceptor(calls))
            .build();
    AtomicInteger sent = new AtomicInteger();
    AtomicLong sendingNanos = new AtomicLong();
    MessageBus sqs = SqsMessageBus.fromEnvironment(env.sqs(), new FunctionEnvironment(vars));
    MessageBus counting =
        new MessageBus() {
          @Override
          public void send(Envelope envelope, MessageOrigin origin) {
            sendAll(List.of(envelope), origin);
          }

          @Override
          public void sendAll(List<Envelope> envelopes, MessageOrigin origin) {
            long started = System.nanoTime();
            sqs.sendAll(envelopes, origin);
            sendingNanos.addAndGet(System.nanoTime() - started);
            sent.addAndGet(envelopes.size());
          }
        };
    ScriptedMarket market = new ScriptedMarket(LocalDate.of(2025, 1, 2)).moveTo("100", 30);
    MarketWatch watch =
        new MarketWatch(
            market,
            new DynamoPlanRepository(counted, table),
            new DynamoPlanWatches(counted, table),
            counting,
            MonitorMetrics.NONE);

    Measured first = measure(() -> watch.run(START), calls, sent, sendingNanos);
    market.moveTo("63", 252);
    Measured fallen =
        measure(() -> watch.run(START.plus(Duration.ofMinutes(15))), calls, sent, sendingNanos);
    Measured again =
        measure(() -> watch.run(START.plus(Duration.ofMinutes(30))), calls, sent, sendingNanos);

    System.out.printf(
        "monitor run over %d ACTIVE plans on %s:%n  first (baselines): %s%n"
            + "  after a 37%% fall: %s%n  again, no change: %s%n",
        PLANS, env.backend().description(), first, fallen, again);
    assertThat(first.run().plansBaselined()).isEqualTo(PLANS);
    assertThat(fallen.run().triggersRaised()).isEqualTo(PLANS);
    assertThat(fallen.sent()).isEqualTo(PLANS);
    assertThat(again.sent()).isZero();
    // Watches are written 25 to a request, triggers sent 10 to a request.
    assertThat(first.requests()).containsEntry("BatchWriteItem", PLANS / 25);
    assertThat(fallen.requests()).containsEntry("BatchWriteItem", PLANS / 25);
    // 1,000 plans: every one of the 8 index partitions queried, the watches in 10 batches of 100.
    assertThat(fallen.requests()).containsEntry("BatchGetItem", 10);
    assertThat(fallen.requests().get("Query")).isBetween(8, 9);
    assertThat(fallen.itemsRead()).isEqualTo(2 * PLANS);
    assertThat(workflowQueueDepth()).isEqualTo(PLANS);
  }

  private int workflowQueueDepth() {
    return Integer.parseInt(
        env.sqs()
            .getQueueAttributes(
                r ->
                    r.queueUrl(env.queueUrl("WorkflowQueue"))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  private static Measured measure(
      Supplier<MonitorRun> run, DynamoCalls calls, AtomicInteger sent, AtomicLong sendingNanos) {
    calls.reset();
    int sentBefore = sent.get();
    sendingNanos.set(0);
    long started = System.nanoTime();
    MonitorRun result = run.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return new Measured(
        result,
        took,
        Duration.ofNanos(sendingNanos.get()),
        calls.requests(),
        calls.itemsRead.get(),
        sent.get() - sentBefore);
  }

  record Measured(
      MonitorRun run,
      Duration took,
      Duration sending,
      Map<String, Integer> requests,
      int itemsRead,
      int sent) {
    @Override
    public String toString() {
      return String.format(
          "%d ms (%d ms of it sending to SQS), DynamoDB requests %s, items read %d, triggers sent %d",
          took.toMillis(), sending.toMillis(), requests, itemsRead, sent);
    }
  }

  /** Counts DynamoDB requests by operation and the items the reads return. */
  static final class DynamoCalls implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> byOperation = new ConcurrentHashMap<>();
    private final AtomicInteger itemsRead = new AtomicInteger();

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
      byOperation.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
      SdkResponse response = context.response();
      if (response instanceof QueryResponse query) {
        itemsRead.addAndGet(query.count());
      } else if (response instanceof BatchGetItemResponse batch) {
        batch.responses().values().forEach(items -> itemsRead.addAndGet(items.size()));
      }
    }

    void reset() {
      byOperation.clear();
      itemsRead.set(0);
    }

    Map<String, Integer> requests() {
      Map<String, Integer> counts = new TreeMap<>();
      byOperation.forEach((operation, n) -> counts.put(operation, n.get()));
      return counts;
    }
  }
}
