package dev.finpilot.coldstart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.aws.DynamoPlanRepository;
import dev.finpilot.coldstart.minimal.MinimalHandler;
import dev.finpilot.functions.api.accounts.DynamoUserStore;
import dev.finpilot.functions.api.accounts.User;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.plans.PlanChange;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanStatus;
import dev.finpilot.plans.Transition;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.backend.SdkSettings;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/cold-starts [--runs N] [--out FILE]}: the cold start of every function of
 * template.yaml as a new execution environment sees it, beside a minimal handler
 * (docs/benchmarks.md "Cold starts").
 *
 * <p>It starts the emulator with the template's resources, unzips each function's package, and
 * then, N rounds over, starts a fresh JVM per function on its unzipped package with the template's
 * environment and the emulator's endpoint, constructs the handler the template names and invokes it
 * once with its sample event from events/. The rounds follow the sample events' own chain: the API
 * creates a plan for the sample account, the workflow, retrieval, planning, verification and
 * execution events then work on that plan, so each does the work of a first delivery. Prints, and
 * writes to FILE, the medians per function and their ratio to the minimal handler.
 */
public final class ColdStarts {

  static final int DEFAULT_RUNS = 5;
  static final String STACK_NAME = "finpilot-coldstart";

  /** The sample account the API's events are sent as (events/README.md). */
  static final String SAMPLE_USER = "user-123";

  /** Each function's sample event, in the order of the chain. */
  static final Map<String, String> EVENTS = events();

  private static final String DUMMY_CREDENTIAL = "test";

  private final Path root;
  private final SamTemplate template;
  private final Environment env;
  private final ColdLauncher launcher;
  private final Path work;

  private ColdStarts(Path root, SamTemplate template, Environment env, Path work) {
    this.root = root;
    this.template = template;
    this.env = env;
    this.work = work;
    this.launcher = new ColdLauncher(lambdaEnvironment(env));
  }

  static final String USAGE = "usage: bin/cold-starts [--runs N] [--out FILE]";

  public static void main(String[] args) throws IOException {
    int runs = DEFAULT_RUNS;
    Path out = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
      }
      if (runs < 1) {
        throw new IllegalArgumentException("--runs must be at least 1");
      }
    } catch (RuntimeException e) {
      System.err.println("bin/cold-starts: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
    }
    Path template = TemplateLocator.locate();
    Path root = template.getParent();
    Path work = root.resolve("coldstart/target/cold-starts");
    if (out == null) {
      out = work.resolve("cold-starts.md");
    }
    SamTemplate sam = SamTemplate.read(template);
    String table;
    try (Environment env = Environment.provision(sam, STACK_NAME, Map.of("Stage", "dev"))) {
      table = new ColdStarts(root, sam, env, work).measure(runs, System.err);
    }
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table, StandardCharsets.UTF_8);
    System.out.print(table);
    System.exit(0);
  }

  private String measure(int runs, PrintStream progress) throws IOException {
    List<Subject> subjects = subjects();
    Map<Subject, Path> unzipped = new LinkedHashMap<>();
    for (Subject subject : subjects) {
      unzipped.put(
          subject,
          Packages.unzip(
              subject.packageZip(), work.resolve("packages").resolve(subject.directoryName())));
    }
    new DynamoUserStore(env.dynamoDb(), env.tableName("UsersTable"))
        .create(
            new User(
                SAMPLE_USER,
                SAMPLE_USER + "@example.com",
                "Sample User",
                "no usable hash",
                Instant.now()));
    ColdStartTable table = new ColdStartTable();
    for (int round = 1; round <= runs; round++) {
      Path roundDir = work.resolve("round-" + round);
      SampleEvents events = new SampleEvents(roundDir.resolve("events"), Instant.now());
      for (Subject subject : subjects) {
        ColdRun run =
            launcher.run(
                subject,
                unzipped.get(subject),
                events.write(subject.event()),
                roundDir.resolve(subject.directoryName()));
        checkAnswer(subject, run);
        if (subject.name().equals("ApiFunction")) {
          String planId =
              Json.readTree(Json.readTree(run.answer()).path("body").asText())
                  .path("planId")
                  .asText();
          events.usePlan(planId);
          moveToRetrieval(planId);
        }
        table.add(subject, Packages.megabytes(subject.packageZip()), run);
        progress.printf(
            "round %d/%d %-22s INIT %5d ms, first invoke %5d ms, %5d classes%n",
            round, runs, subject.name(), run.initMs(), run.firstInvokeMs(), run.classesLoaded());
      }
    }
    return machine(runs) + "\n" + table.markdown();
  }

  /**
   * The plan the API created enters retrieval, as the workflow's answer to its submission would
   * move it, so the retrieval agent's reply (the workflow's sample event) finds it there.
   */
  private void moveToRetrieval(String planId) {
    DynamoPlanRepository plans =
        new DynamoPlanRepository(env.dynamoDb(), env.tableName("PlansTable"));
    PlanRecord plan = plans.find(planId).orElseThrow();
    plans.apply(
        Transition.of(
            PlanChange.of(plan, PlanStatus.RETRIEVING, null),
            new Transition.Cause(MessageType.PLAN_SUBMITTED, "cold-starts", plan.correlationId()),
            Instant.now()));
  }

  /** A run counts only if the function did the work: the answer its sample event should get. */
  private static void checkAnswer(Subject subject, ColdRun run) {
    JsonNode answer = Json.readTree(run.answer());
    boolean expected =
        switch (subject.name()) {
          case "ApiFunction" -> answer.path("statusCode").asInt() == 202;
          case "AuthorizerFunction" -> answer.has("isAuthorized");
          case "RealtimeFunction" -> answer.path("statusCode").asInt() == 401;
          case "MonitorFunction" -> answer.has("runId");
          case Subject.MINIMAL -> answer.has("found");
          default -> answer.path("batchItemFailures").isEmpty();
        };
    if (!expected) {
      throw new IllegalStateException(subject.name() + " answered " + run.answer());
    }
  }

  private List<Subject> subjects() {
    List<Subject> subjects = new ArrayList<>();
    EVENTS.forEach(
        (function, event) -> {
          FunctionSpec spec = env.function(function);
          Object codeUri = template.functionProperties(function).get("CodeUri");
          subjects.add(
              new Subject(
                  function,
                  spec.handler().split("::")[0],
                  root.resolve(String.valueOf(codeUri)),
                  root.resolve("events").resolve(event),
                  spec.memorySizeMb(),
                  offline(spec)));
        });
    // The minimal handler gets what every function gets from the template's Globals.
    Map<String, Object> globals = template.functionGlobals();
    String memory = String.valueOf(globals.get("MemorySize"));
    Map<String, String> environment = new HashMap<>();
    if (globals.get("Environment") instanceof Map<?, ?> declared
        && declared.get("Variables") instanceof Map<?, ?> variables) {
      variables.forEach((name, value) -> environment.put(name.toString(), value.toString()));
    }
    environment.put(MinimalHandler.TABLE_VARIABLE, env.tableName("PlansTable"));
    environment.put("AWS_LAMBDA_FUNCTION_NAME", "minimal-handler");
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory);
    subjects.add(
        new Subject(
            Subject.MINIMAL,
            MinimalHandler.class.getName(),
            root.resolve("coldstart/target/minimal.zip"),
            root.resolve("events/monitor/scheduled.json"),
            Integer.parseInt(memory),
            environment));
    return subjects;
  }

  /**
   * The function's environment as Lambda gives it, with market data offline (the cache and the
   * embedded data set), as bin/local runs it: a measurement reaches no provider on the internet.
   */
  private static Map<String, String> offline(FunctionSpec spec) {
    Map<String, String> environment = new HashMap<>(spec.environment());
    environment.computeIfPresent("MARKET_DATA_SOURCES", (name, sources) -> "");
    environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.functionName());
    environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memorySizeMb()));
    return environment;
  }

  /** What Lambda sets in every execution environment, pointed at the emulator. */
  private static Map<String, String> lambdaEnvironment(Environment env) {
    Map<String, String> lambda = new HashMap<>();
    lambda.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    lambda.put("LANG", "en_US.UTF-8");
    lambda.put("TZ", ":UTC");
    lambda.put("AWS_REGION", SdkSettings.region());
    lambda.put("AWS_DEFAULT_REGION", SdkSettings.region());
    lambda.put("AWS_ACCESS_KEY_ID", DUMMY_CREDENTIAL);
    lambda.put("AWS_SECRET_ACCESS_KEY", DUMMY_CREDENTIAL);
    lambda.put("AWS_SESSION_TOKEN", DUMMY_CREDENTIAL);
    lambda.put("AWS_ENDPOINT_URL", env.backend().endpoint().toString());
    lambda.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
    lambda.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    return lambda;
  }

  private static String machine(int runs) throws IOException {
    String load = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip();
    return String.format(
        "Median of %d cold starts per function; %d CPUs, load average %s at the end, %s %s.%n",
        runs,
        Runtime.getRuntime().availableProcessors(),
        load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1)),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
  }

  private static Map<String, String> events() {
    Map<String, String> events = new LinkedHashMap<>();
    events.put("ApiFunction", "api/create-plan.json");
    events.put("WorkflowFunction", "workflow/market-data-retrieved.json");
    events.put("RetrievalFunction", "retrieval/retrieve-market-data.json");
    events.put("PlanningFunction", "planning/generate-plan.json");
    events.put("VerificationFunction", "verification/verify-plan.json");
    events.put("ExecutionFunction", "execution/execute-plan.json");
    events.put("AuthorizerFunction", "authorizer/authorize.json");
    events.put("RealtimeFunction", "realtime/connect.json");
    events.put("MonitorFunction", "monitor/scheduled.json");
    return events;
  }
}
