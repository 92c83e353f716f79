package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.backend.RestoredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime under load, measured: {@code finpilot.load.plans} users (default 30) each
 * submit one plan at once, and the emulator's resident memory and CPU time and this JVM's CPU time
 * are sampled from before the first submission to the last plan's final state; what each table and
 * queue gained per plan is printed from the emulator's own report. The users register before the
 * measurement starts, so password hashing is not counted as planning. Then the state is copied to
 * {@code finpilot.load.restorePlans} plans and restored by an emulator of its own, timed. The
 * numbers in docs/benchmarks.md ("Local emulator memory") come from {@code
 * -Dfinpilot.load.plans=100 -Dfinpilot.load.restorePlans=500}.
 */
@WithAwsBackend
class EmulatorGrowthIT {

  private static final int PLANS = Integer.getInteger("finpilot.load.plans", 30);

  private static final String RESTORE_PLANS_PROPERTY = "finpilot.load.restorePlans";
  private static final int RESTORE_PLANS = Integer.getInteger(RESTORE_PLANS_PROPERTY, PLANS);

  /**
   * Restore time per plan allowed: the target is 500 plans in a minute on a quiet machine (120 ms
   * each); twice that leaves room for a machine other builds keep busy.
   */
  private static final Duration MAX_RESTORE_PER_PLAN = Duration.ofMillis(240);

  /**
   * What the emulator may grow per plan. Each plan stores about 103 KB (versions with their traces,
   * history, ledger entries), which moto's objects hold in about 150 KB; 100 plans grew it by 181
   * KB each. It grew by 2.3 to 3 MB each while moto kept every copy it made of an item or a table
   * (docs/benchmarks.md, "Local emulator memory").
   */
  private static final long MAX_GROWTH_PER_PLAN_KB = 512;

  private static RunningStack stack;
  private static DynamoPlanRepository plans;

  @BeforeAll
  static void start(Environment env) {
    // As bin/local runs it: two concurrent batches per queue.
    stack = new RunningStack(env, 2);
    plans = new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void planAfterPlanTheEmulatorGrowsBoundedEveryPlanEndsOnceAndTheStateRestoresQuickly(
      @TempDir Path directory) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(10);
    for (Future<?> registered :
        IntStream.range(0, PLANS)
            .mapToObj(i -> clients.submit(() -> stack.user(user(i))))
            .toList()) {
      registered.get();
    }
    Emulator moto = Emulator.childOf(ProcessHandle.current());
    JsonNode heldBefore = held();
    Sample before = Sample.take(moto);
    AtomicLong peakRssKb = new AtomicLong(before.motoRssKb());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleAtFixedRate(
        () -> {
          long rssKb = peakRssKb.accumulateAndGet(moto.rssKb(), Math::max);
          System.out.printf(
              "after %d s: moto RSS peak %d MB%n",
              (System.nanoTime() - before.nanos()) / 1_000_000_000L, rssKb / 1024);
        },
        10,
        10,
        TimeUnit.SECONDS);

    List<Future<APIGatewayV2HTTPResponse>> submissions =
        IntStream.range(0, PLANS)
            .mapToObj(
                i ->
                    clients.submit(
                        () -> stack.submit(user(i), RunningStack.sampleRequest(), "c-" + i)))
            .toList();
    List<String> planIds = new ArrayList<>();
    for (Future<APIGatewayV2HTTPResponse> f : submissions) {
      APIGatewayV2HTTPResponse response = f.get();
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
      planIds.add(Json.readTree(response.getBody()).get("planId").asText());
    }
    clients.shutdown();
    for (int i = 0; i < PLANS; i++) {
      JsonNode plan = stack.awaitFinal(user(i), planIds.get(i), Duration.ofMinutes(15));
      assertThat(plan.get("status").asText()).isEqualTo("ACTIVE");
    }
    Sample after = Sample.take(moto);
    sampler.shutdownNow();
    JsonNode heldAfter = held();
    System.out.println(breakdown(heldBefore, heldAfter));

    long growthKb = after.motoRssKb() - before.motoRssKb();
    System.out.printf(
        "%d plans final in %.1f s; moto RSS %d MB -> %d MB (peak %d MB), %d KB per plan; CPU per"
            + " plan: this JVM %d ms, moto %d ms%n",
        PLANS,
        (after.nanos() - before.nanos()) / 1e9,
        before.motoRssKb() / 1024,
        after.motoRssKb() / 1024,
        peakRssKb.get() / 1024,
        growthKb / PLANS,
        (after.jvmCpuNanos() - before.jvmCpuNanos()) / 1_000_000 / PLANS,
        (after.motoCpuMillis() - before.motoCpuMillis()) / PLANS);

    assertThat(planIds).doesNotHaveDuplicates();
    for (String planId : planIds) {
      assertThat(plans.history(planId))
          .filteredOn(e -> e.to() == PlanStatus.ACTIVE)
          .extracting(PlanEvent::planId)
          .containsExactly(planId);
    }
    assertThat(growthKb).isLessThan(MAX_GROWTH_PER_PLAN_KB * PLANS);
    restoresQuickly(directory);
  }

  /**
   * The stack's state after the plans above, copied until it holds {@value #RESTORE_PLANS_PROPERTY}
   * plans (default: as many as were run), restored by an emulator of its own as the local runtime
   * restores it at start.
   */
  private static void restoresQuickly(Path directory) throws Exception {
    int copies = Math.max(1, RESTORE_PLANS / PLANS);
    ReplicatedState state = ReplicatedState.of(stack.env);
    Path journal = state.write(directory.resolve("state"), copies);
    long journalBytes = Files.size(journal);
    long began = System.nanoTime();
    RestoredState restored =
        ReplicatedState.restore(stack.env, directory.resolve("state"), directory.resolve("logs"));
    long millis = (System.nanoTime() - began) / 1_000_000;
    System.out.printf(
        "restore of %d plans: journal %.1f MB (%d KB per plan), %d items in %d ms (%d ms with the"
            + " emulator's start and the tables' creation); journal afterwards %.1f MB%n",
        copies * PLANS,
        journalBytes / 1048576.0,
        journalBytes / 1024 / (copies * PLANS),
        restored.items().values().stream().mapToInt(Integer::intValue).sum(),
        restored.took().toMillis(),
        millis,
        restored.bytes() / 1048576.0);
    assertThat(restored.skipped()).isZero();
    // Not the users table: some of its items are keyed by values the copies do not rename.
    for (String table : List.of("PlansTable", "LedgerTable")) {
      String name = stack.env.tableName(table);
      assertThat(restored.items(name)).as(table).isEqualTo(copies * state.items(name));
    }
    assertThat(restored.took()).isLessThan(MAX_RESTORE_PER_PLAN.multipliedBy(copies * PLANS));
  }

  /** What the emulator holds (its {@code /moto-api/finpilot/memory} report). */
  private static JsonNode held() throws IOException, InterruptedException {
    HttpResponse<String> report =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        stack.env.backend().endpoint().resolve("/moto-api/finpilot/memory"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
    return Json.readTree(report.body());
  }

  /**
   * Per plan, what each table and queue gained: items, their size as DynamoDB counts it and the
   * memory moto's objects for them take.
   */
  private static String breakdown(JsonNode before, JsonNode after) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "Per plan (%d plans): table, items, stored KB, moto objects KB%n", PLANS));
    after
        .path("tables")
        .fields()
        .forEachRemaining(
            table -> {
              JsonNode was = before.path("tables").path(table.getKey());
              out.append(
                  String.format(
                      "  %-40s %7.1f %9.1f %9.1f%n",
                      table.getKey(),
                      perPlan(table.getValue(), was, "items", 1),
                      perPlan(table.getValue(), was, "bytes", 1024),
                      perPlan(table.getValue(), was, "objectBytes", 1024)));
            });
    after
        .path("queues")
        .fields()
        .forEachRemaining(
            queue ->
                out.append(
                    String.format(
                        "  queue %-34s %d messages, %d deleted receipts remembered%n",
                        queue.getKey(),
                        queue.getValue().path("messages").asLong(),
                        queue.getValue().path("deletedReceipts").asLong())));
    out.append("  kept by moto's instance tracking: ").append(after.path("tracked")).append('\n');
    after
        .path("allocations")
        .forEach(
            a ->
                out.append(
                    String.format(
                        "  allocated %8d KB %s%n",
                        a.path("kb").asLong(), a.path("where").asText())));
    return out.toString();
  }

  private static double perPlan(JsonNode after, JsonNode before, String field, double unit) {
    return (after.path(field).asLong() - before.path(field).asLong()) / unit / PLANS;
  }

  private static String user(int i) {
    return "load-" + i;
  }

  /** Resident memory and CPU time of the emulator and CPU time of this JVM, at one instant. */
  private record Sample(long nanos, long motoRssKb, long motoCpuMillis, long jvmCpuNanos) {

    static Sample take(Emulator moto) {
      return new Sample(
          System.nanoTime(),
          moto.rssKb(),
          moto.cpuMillis(),
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime());
    }
  }

  /** The moto server this JVM started, read from {@code /proc}. */
  private record Emulator(long pid) {

    static Emulator childOf(ProcessHandle jvm) {
      return jvm.children()
          .filter(p -> p.info().command().orElse("").contains("python"))
          .findFirst()
          .map(p -> new Emulator(p.pid()))
          .orElseThrow(() -> new IllegalStateException("no emulator started by this JVM"));
    }

    long rssKb() {
      return read("status")
          .lines()
          .filter(l -> l.startsWith("VmRSS:"))
          .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
          .findFirst()
          .orElseThrow();
    }

    /** User and system time, fields 14 and 15 of {@code stat}, in clock ticks of 10 ms. */
    long cpuMillis() {
      String stat = read("stat");
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    private String read(String file) {
      try {
        return Files.readString(Path.of("/proc", Long.toString(pid), file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
