package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * One load run against an API: every virtual user (at once or over the ramp-up), then each accepted
 * plan judged ({@link Verdict}), then the report. The processes to measure are named by suppliers,
 * so a run whose runtime is restarted midway measures what is running at each end.
 */
public final class LoadRun {

  /** A single call's limit: generous, since under load the API queues what it cannot serve yet. */
  private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  /** Time for judging the plans once the users are done. */
  private static final Duration CHECK_TIME = Duration.ofMinutes(10);

  private static final int CHECKERS = 8;
  private static final int PROBLEMS_SHOWN = 50;

  /** The processes whose CPU and memory the report shows; empty where there is none to see. */
  public record Measured(
      Supplier<Optional<ProcessHandle>> runtime,
      Supplier<Optional<ProcessHandle>> emulator,
      String description) {}

  private final LoadOptions options;
  private final Measured measured;
  private final String command;
  private final Latencies latencies = new Latencies();
  private final ApiClient client;
  private final String runId = UUID.randomUUID().toString().substring(0, 8);
  private final List<UserOutcome> outcomes = new ArrayList<>();
  private final List<String> unchecked = new ArrayList<>();
  private final Households households;
  private final Optional<URI> webSocket;
  private final HttpClient feedClient = HttpClient.newHttpClient();
  private final LongAdder feedsOpened = new LongAdder();
  private final LongAdder pushes = new LongAdder();

  /**
   * @param webSocket the API's live updates, which users follow their plans on; empty: they poll
   */
  public LoadRun(
      LoadOptions options, URI api, Optional<URI> webSocket, Measured measured, String command) {
    this.options = options;
    this.webSocket = webSocket;
    this.measured = measured;
    this.command = command;
    this.client = new ApiClient(api, CALL_TIMEOUT, latencies);
    this.households = new Households(options.seed(), LocalDate.now(ZoneOffset.UTC));
  }

  private PlanFeed feedFor(Session session) {
    if (webSocket.isEmpty()) {
      return PlanFeed.none();
    }
    PlanFeed feed = PlanFeed.connect(feedClient, webSocket.get(), session, pushes);
    if (feed.isOpen()) {
      feedsOpened.increment();
    }
    return feed;
  }

  /** The users' sessions and plans, once {@link #run} has returned; for a caller's own checks. */
  List<UserOutcome> outcomes() {
    return List.copyOf(outcomes);
  }

  ApiClient client() {
    return client;
  }

  public LoadReport run() throws InterruptedException {
    return run(() -> {});
  }

  /**
   * Runs the users; {@code midway} runs on this thread once they have started (a fault to inject),
   * while they keep going.
   */
  LoadReport run(Runnable midway) throws InterruptedException {
    Instant started = Instant.now();
    Instant deadline = started.plus(options.timeout());
    Optional<ProcessUsage> runtimeAtStart = usage(measured.runtime());
    Optional<ProcessUsage> emulatorAtStart = usage(measured.emulator());
    Optional<Long> runtimePid = measured.runtime().get().map(ProcessHandle::pid);
    Optional<Long> emulatorPid = measured.emulator().get().map(ProcessHandle::pid);
    AtomicReference<Double> emulatorPeak =
        new AtomicReference<>(emulatorAtStart.map(ProcessUsage::rssMegabytes).orElse(Double.NaN));
    ScheduledExecutorService sampler =
        Executors.newSingleThreadScheduledExecutor(LoadRun::userThread);
    ScheduledFuture<?> sampling =
        sampler.scheduleAtFixedRate(
            () ->
                usage(measured.emulator())
                    .ifPresent(u -> emulatorPeak.accumulateAndGet(u.rssMegabytes(), LoadRun::max)),
            1,
            1,
            TimeUnit.SECONDS);

    ScheduledExecutorService users =
        Executors.newScheduledThreadPool(options.users(), LoadRun::userThread);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < options.users(); i++) {
      UserOutcome outcome =
          new UserOutcome(
              i, new Session(VirtualUser.email(runId, i), LoopbackPost.addressFor(runId, i)));
      outcomes.add(outcome);
      ObjectNode lifeEvent = options.reportsLifeEvent(i) ? households.lifeEvent(i) : null;
      running.add(
          users.schedule(
              new VirtualUser(
                  outcome,
                  runId,
                  households.request(i),
                  lifeEvent,
                  client,
                  deadline,
                  this::feedFor),
              options.startOffset(i).toMillis(),
              TimeUnit.MILLISECONDS));
    }
    midway.run();
    awaitAll(running);
    users.shutdown();
    Instant usersDone = Instant.now();

    List<Verdict> verdicts = judge();
    sampling.cancel(false);
    sampler.shutdownNow();
    Optional<ProcessUsage> runtimeAtEnd =
        sameProcess(measured.runtime(), runtimePid).flatMap(LoadRun::usage);
    Optional<ProcessUsage> emulatorAtEnd =
        sameProcess(measured.emulator(), emulatorPid).flatMap(LoadRun::usage);
    emulatorAtEnd.ifPresent(u -> emulatorPeak.accumulateAndGet(u.rssMegabytes(), LoadRun::max));
    return report(
        started,
        Duration.between(started, usersDone),
        verdicts,
        new LoadReport.Usage(
            cpu(runtimeAtStart, runtimeAtEnd),
            cpu(emulatorAtStart, emulatorAtEnd),
            perPlan(cpu(runtimeAtStart, runtimeAtEnd), verdicts),
            perPlan(cpu(emulatorAtStart, emulatorAtEnd), verdicts),
            emulatorAtStart.map(ProcessUsage::rssMegabytes).orElse(Double.NaN),
            emulatorAtEnd.map(ProcessUsage::rssMegabytes).orElse(Double.NaN),
            emulatorPeak.get(),
            measured.description()));
  }

  private List<Verdict> judge() throws InterruptedException {
    Instant deadline = Instant.now().plus(CHECK_TIME);
    ExecutorService checkers = Executors.newFixedThreadPool(CHECKERS, LoadRun::userThread);
    List<Future<Verdict>> judged = new ArrayList<>();
    for (UserOutcome outcome : outcomes) {
      if (outcome.accepted()) {
        judged.add(checkers.submit(() -> Verdict.judge(outcome, client, deadline)));
      }
    }
    List<Verdict> verdicts = new ArrayList<>();
    for (Future<Verdict> verdict : judged) {
      try {
        verdicts.add(verdict.get());
      } catch (ExecutionException e) {
        // A plan that cannot be checked is not known to be final: counted as stuck.
        unchecked.add(e.getCause().getMessage());
      }
    }
    checkers.shutdown();
    return verdicts;
  }

  private LoadReport report(
      Instant started, Duration wall, List<Verdict> verdicts, LoadReport.Usage usage) {
    Latencies submitToActive = new Latencies();
    verdicts.forEach(v -> v.submitToActive().ifPresent(d -> submitToActive.record("active", d)));
    Map<String, Latencies.Percentiles> calls = latencies.summary();
    long callCount = calls.values().stream().mapToLong(Latencies.Percentiles::count).sum();
    int finals =
        (int) verdicts.stream().filter(v -> VirtualUser.FINAL.contains(v.status())).count();
    double seconds = wall.toMillis() / 1000.0;
    List<String> problems = new ArrayList<>();
    for (UserOutcome o : outcomes) {
      if (o.error != null) {
        problems.add("user " + o.index + " stopped: " + o.error);
      }
    }
    for (Verdict v : verdicts) {
      if (v.lost() || v.stuck() || v.failed() || v.duplicated().isPresent()) {
        problems.add(describe(v));
      }
    }
    unchecked.forEach(u -> problems.add("a plan could not be checked, counted as stuck: " + u));
    return new LoadReport(
        command,
        Machine.describe(),
        started.toString(),
        options.users(),
        (int) outcomes.stream().filter(o -> options.reportsLifeEvent(o.index)).count(),
        options.seed(),
        options.rampUp().toMillis() / 1000.0,
        UsersInFlight.peak(
            outcomes.stream()
                .filter(o -> o.began != null)
                .map(o -> new UsersInFlight.Span(o.began, o.ended))
                .toList()),
        seconds,
        finals / seconds,
        callCount / seconds,
        calls,
        client.failures(),
        submitToActive.summary().getOrDefault("active", new Latencies.Percentiles(0, 0, 0, 0, 0)),
        new LoadReport.Counts(
            verdicts.size() + unchecked.size(),
            count(verdicts, v -> "ACTIVE".equals(v.status())),
            count(verdicts, v -> "REJECTED".equals(v.status())),
            count(verdicts, v -> "FAILED".equals(v.status())),
            count(verdicts, Verdict::lost),
            count(verdicts, v -> v.duplicated().isPresent()),
            count(verdicts, Verdict::stuck) + unchecked.size(),
            (int) outcomes.stream().filter(o -> o.lifeEventTriggerId != null).count(),
            (int) outcomes.stream().filter(o -> o.lifeEventFinal).count(),
            outcomes.stream().mapToInt(o -> o.approvals).sum(),
            client.rateLimited(),
            client.refreshes(),
            client.retried(),
            feedsOpened.intValue(),
            pushes.sum(),
            outcomes.stream().mapToLong(o -> o.readsOnPush).sum(),
            (int) outcomes.stream().filter(o -> o.error != null).count()),
        usage,
        problems.stream().limit(PROBLEMS_SHOWN).toList());
  }

  private String describe(Verdict v) {
    UserOutcome o = outcomes.get(v.user());
    String what =
        v.lost()
            ? "lost"
            : v.stuck()
                ? "stuck"
                : v.duplicated().isPresent() ? "duplicated" : "ended " + v.status();
    return "plan "
        + v.planId()
        + " of user "
        + v.user()
        + ": "
        + what
        + " ("
        + v.status()
        + v.duplicated().map(d -> "; " + d).orElse("")
        + (o.statusReason == null ? "" : "; " + o.statusReason)
        + ")";
  }

  private static int count(List<Verdict> verdicts, java.util.function.Predicate<Verdict> which) {
    return (int) verdicts.stream().filter(which).count();
  }

  private static void awaitAll(List<Future<?>> running) throws InterruptedException {
    for (Future<?> user : running) {
      try {
        user.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("a virtual user failed: " + e.getCause(), e.getCause());
      }
    }
  }

  private static Optional<ProcessHandle> sameProcess(
      Supplier<Optional<ProcessHandle>> now, Optional<Long> pid) {
    return now.get().filter(p -> pid.isPresent() && p.pid() == pid.get());
  }

  private static Optional<ProcessUsage> usage(Supplier<Optional<ProcessHandle>> process) {
    return process.get().flatMap(LoadRun::usage);
  }

  private static Optional<ProcessUsage> usage(ProcessHandle process) {
    return ProcessUsage.of(process.pid());
  }

  private static double cpu(Optional<ProcessUsage> start, Optional<ProcessUsage> end) {
    return start.isPresent() && end.isPresent()
        ? end.get().cpuSeconds() - start.get().cpuSeconds()
        : Double.NaN;
  }

  private static double perPlan(double cpu, List<Verdict> verdicts) {
    long finals = verdicts.stream().filter(v -> VirtualUser.FINAL.contains(v.status())).count();
    return finals == 0 ? Double.NaN : cpu / finals;
  }

  private static double max(double a, double b) {
    return Double.isNaN(a) ? b : Math.max(a, b);
  }

  /** Small stacks: a thousand users are a thousand threads that mostly wait. */
  private static Thread userThread(Runnable task) {
    Thread thread = new Thread(null, task, "virtual-user", 256 * 1024);
    thread.setDaemon(true);
    return thread;
  }
}
