package dev.finpilot.loadtest;

import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code bin/chaos}: the chaos drill. Starts the local runtime as a child process in a temporary
 * FINPILOT_HOME and, for each fault in turn, runs {@code --users} virtual users (the load test's
 * script and judgement) while injecting it: every plan in flight must still reach a correct final
 * state with nothing lost, stuck or done twice. Writes chaos.md and chaos.json to {@code --out} and
 * exits 1 if any fault broke that.
 */
public final class Chaos {

  /** The stack name bin/local provisions under (LocalRunner). */
  private static final String STACK = "finpilot-local";

  private static final Pattern EMULATOR = Pattern.compile("moto 127\\.0\\.0\\.1:(\\d+)");

  /** How long after the users' plans were accepted a fault strikes: plans are mid-flight. */
  private static final Duration INTO_THE_FLOW = Duration.ofSeconds(5);

  /** How long a queue fault goes on once it has its first message. */
  private static final Duration TAP = Duration.ofSeconds(30);

  /** One fault: what it does, given the running drill. */
  private record Fault(String name, String does, Function<Drill, String> inject) {}

  /** One fault's outcome. */
  record Result(String fault, String does, String done, LoadReport report) {}

  private static final List<Fault> FAULTS =
      List.of(
          new Fault(
              "duplicate-reorder",
              "every workflow, then execution, message taken for 30 s is put back twice, in"
                  + " shuffled order",
              d ->
                  d.onQueues(
                      q -> {
                        int workflow = q.faults().duplicateAndReorder(q.url("WorkflowQueue"), TAP);
                        int execution =
                            q.faults().duplicateAndReorder(q.url("ExecutionQueue"), TAP);
                        return workflow
                            + " workflow and "
                            + execution
                            + " execution messages doubled";
                      })),
          new Fault(
              "token-expiry",
              "every user's access token stops working mid-flow",
              d -> {
                d.run.outcomes().forEach(o -> o.session.expireAccessToken());
                return d.run.outcomes().size() + " tokens made unusable";
              }),
          new Fault(
              "dead-letter-redrive",
              "planning messages moved to the planning DLQ for 30 s (a consumer that timed out"
                  + " on every receive), then redriven",
              d ->
                  d.onQueues(
                      q -> {
                        int moved =
                            q.faults()
                                .deadLetter(
                                    q.url("PlanningQueue"),
                                    q.url("PlanningDeadLetterQueue"),
                                    Duration.ofSeconds(30));
                        int redriven =
                            q.faults()
                                .redrive(q.url("PlanningDeadLetterQueue"), q.url("PlanningQueue"));
                        return moved + " dead-lettered, " + redriven + " redriven";
                      })),
          new Fault(
              "runtime-kill",
              "kill -9 of the local runtime's JVM (and its emulator) mid-flight, then a restart"
                  + " on the same FINPILOT_HOME",
              d -> {
                Instant killed = Instant.now();
                d.runtime.kill();
                d.runtime.restart();
                return "down and back in "
                    + Duration.between(killed, Instant.now()).toSeconds()
                    + " s";
              }),
          new Fault(
              "emulator-restart",
              "kill -9 of the emulator alone mid-flight; the runtime is then restarted, since it"
                  + " owns the emulator",
              d -> {
                Instant killed = Instant.now();
                d.runtime.emulator().ifPresent(ProcessHandle::destroyForcibly);
                d.runtime.close();
                d.runtime.restart();
                return "emulator down and back in "
                    + Duration.between(killed, Instant.now()).toSeconds()
                    + " s";
              }));

  /** The running drill, as a fault sees it. */
  private record Drill(LocalRuntimeProcess runtime, LoadRun run, Path log, long seed) {

    /** Runs a queue fault with a client of the emulator the runtime started (the newest). */
    String onQueues(Function<Queues, String> fault) {
      try (SqsClient sqs = emulatorClient()) {
        return fault.apply(new Queues(new QueueFaults(sqs, seed), sqs));
      }
    }

    private SqsClient emulatorClient() {
      try {
        Matcher m = EMULATOR.matcher(Files.readString(log));
        String port = null;
        while (m.find()) {
          port = m.group(1);
        }
        if (port == null) {
          throw new IllegalStateException("no emulator address in " + log);
        }
        return SqsClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .build();
      } catch (IOException e) {
        throw new IllegalStateException("cannot read " + log, e);
      }
    }
  }

  /** The stack's queues, by logical id, and the faults to make on them. */
  private record Queues(QueueFaults faults, SqsClient sqs) {
    String url(String logicalId) {
      return sqs.getQueueUrl(b -> b.queueName(STACK + "-" + logicalId)).queueUrl();
    }
  }

  private Chaos() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int users = 20;
    Path out = Path.of("target", "chaos");
    List<String> chosen = FAULTS.stream().map(Fault::name).toList();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--users" -> users = Integer.parseInt(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--faults" -> chosen = Arrays.asList(args[i + 1].split(","));
        default -> {
          System.err.println(
              "usage: bin/chaos [--users N] [--faults "
                  + String.join(",", FAULTS.stream().map(Fault::name).toList())
                  + "] [--out DIR]");
          System.exit(2);
        }
      }
    }
    Files.createDirectories(out);
    Path home = Files.createTempDirectory("finpilot-chaos-");
    Path log = out.resolve("runtime.log").toAbsolutePath();
    List<Result> results = new ArrayList<>();
    System.out.println("Starting the local runtime (FINPILOT_HOME " + home + ", log " + log + ")");
    try (LocalRuntimeProcess runtime = LocalRuntimeProcess.start(home, log)) {
      Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "stop-local-runtime"));
      for (Fault fault : FAULTS) {
        if (chosen.contains(fault.name())) {
          System.out.println("Fault " + fault.name() + ": " + fault.does());
          results.add(drill(fault, runtime, log, users, out.resolve(fault.name())));
          System.out.println(results.get(results.size() - 1).report().markdown());
        }
      }
    }
    String md = markdown("bin/chaos " + String.join(" ", args), results);
    Files.writeString(out.resolve("chaos.md"), md);
    Files.writeString(
        out.resolve("chaos.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
    System.out.println(md);
    if (results.stream().anyMatch(r -> !r.report().passed())) {
      System.err.println("bin/chaos: a fault lost, doubled or stranded plans (see chaos.md)");
      System.exit(1);
    }
  }

  private static Result drill(
      Fault fault, LocalRuntimeProcess runtime, Path log, int users, Path out)
      throws InterruptedException {
    LoadOptions options =
        LoadOptions.local(users, 0.25, Duration.ofMinutes(15), Duration.ZERO, 1, out);
    LoadRun run =
        new LoadRun(
            options,
            runtime.api(),
            Optional.of(runtime.webSocket()),
            LoadTest.localMeasures(runtime),
            "bin/chaos --faults " + fault.name() + " --users " + users);
    String[] done = new String[1];
    LoadReport report =
        run.run(
            () -> {
              awaitAccepted(run);
              ApiClient.pause(INTO_THE_FLOW, Instant.now().plus(INTO_THE_FLOW));
              done[0] = fault.inject().apply(new Drill(runtime, run, log, options.seed()));
            });
    return new Result(fault.name(), fault.does(), done[0], report);
  }

  private static void awaitAccepted(LoadRun run) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)
        && !run.outcomes().stream().allMatch(o -> o.accepted() || o.error != null)) {
      ApiClient.pause(Duration.ofMillis(200), deadline);
    }
  }

  static String markdown(String command, List<Result> results) {
    StringBuilder md =
        new StringBuilder(String.format(Locale.ROOT, "`%s`, %s%n%n", command, Machine.describe()));
    md.append(
        "| Fault | Injected | Users | ACTIVE | Lost | Duplicated | Stuck | Failed calls | Wall s |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      LoadReport.Counts c = r.report().counts();
      Map<String, Long> failed = new LinkedHashMap<>(r.report().failedCalls());
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %d | %d | %d | %d | %.0f |%n",
              r.fault(),
              r.done(),
              r.report().users(),
              c.active(),
              c.lost(),
              c.duplicated(),
              c.stuck(),
              failed.values().stream().mapToLong(Long::longValue).sum(),
              r.report().wallSeconds()));
    }
    return md.toString();
  }
}
