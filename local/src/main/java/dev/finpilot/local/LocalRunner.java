package dev.finpilot.local;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/local}: the whole stack on this machine with no Docker and no AWS account. Starts the
 * emulator (or uses AWS_ENDPOINT_URL), creates the resources of template.yaml, installs this
 * machine's own token-signing key (kept in the state directory, {@code $FINPILOT_HOME/local},
 * {@code ~/.finpilot/local} by default, with the tables and queues: {@link LocalState}), serves the
 * HTTP API and the WebSocket API on localhost and runs the market monitor every {@code
 * FINPILOT_MONITOR_INTERVAL} (an ISO-8601 duration, default PT15M; the first run {@link
 * #FIRST_MONITOR_RUN} after start) until interrupted. Market data is offline unless the user's
 * environment names providers ({@link LocalMarketData}).
 */
public final class LocalRunner {

  static final Duration FIRST_MONITOR_RUN = Duration.ofSeconds(10);

  /** The stack the local runtime provisions; {@link Invoke} resolves the same names. */
  static final String STACK_NAME = "finpilot-local";

  static final Map<String, String> PARAMETERS = Map.of("Stage", "dev");

  private static final String LOG_CONFIGURATION = "log4j2.configurationFile";

  private LocalRunner() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> environment = System.getenv();
    int port = Integer.parseInt(environment.getOrDefault("FINPILOT_PORT", "8080"));
    int webSocketPort = webSocketPort(environment, port);
    Path state = stateDirectory(environment);
    String logs = logToFile(state);
    if (LocalState.fresh(environment) && LocalState.forget(state)) {
      System.out.println("Starting afresh: forgot the tables and queues kept in " + state);
    }
    LocalState.kept(state)
        .ifPresent(
            size -> System.out.println("Restoring the state kept in " + state + size + "..."));
    SamTemplate template = SamTemplate.read(TemplateLocator.locate());
    LocalMarketData.overrides(template, environment).forEach(System::setProperty);
    LocalConnections connections = new LocalConnections();
    LocalConnectionsApi connectionsApi = LocalConnectionsApi.start(connections);
    // Before any function is built: the WebSocket notifier's client reads it when it is made.
    System.setProperty(LocalConnectionsApi.ENDPOINT_PROPERTY, connectionsApi.endpoint().toString());
    Environment env = Environment.provision(template, STACK_NAME, PARAMETERS, state);
    LocalSigningKey.install(env, state);
    StackRuntime runtime = StackRuntime.start(env, template, 2);
    Duration monitorInterval =
        Duration.parse(environment.getOrDefault("FINPILOT_MONITOR_INTERVAL", "PT15M"));
    runtime.startSchedules(template, FIRST_MONITOR_RUN, monitorInterval);
    HttpApiServer server = HttpApiServer.start(runtime, port);
    LocalWebSocketApi webSocket = LocalWebSocketApi.start(runtime, connections, webSocketPort);
    String api = "http://127.0.0.1:" + server.port();
    FirstPlan firstPlan =
        new FirstPlan(TemplateLocator.locate().getParent(), api, webSocket.url().toString());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  firstPlan.stop();
                  webSocket.close();
                  server.close();
                  connectionsApi.close();
                  runtime.close();
                  env.close();
                  stopped.countDown();
                }));
    System.out.println(LocalState.describe(env, state));
    System.out.println("FinPilot is running (emulator " + env.backend().description() + ")");
    System.out.println("  API:       " + api + " (FINPILOT_PORT)");
    System.out.println("  Docs:      " + api + HttpApiServer.DOCS);
    System.out.println(
        "  WebSocket: " + webSocket.url() + "?token=<access token> (FINPILOT_WS_PORT)");
    System.out.println(
        "Market monitor every " + monitorInterval + " (FINPILOT_MONITOR_INTERVAL); Ctrl-C to stop");
    System.out.println(LocalMarketData.describe(environment));
    System.out.println("Function logs: " + logs);
    if (FirstPlan.wanted(environment) && LocalState.count(env, "UsersTable", "PROFILE") == 0) {
      firstPlan.show();
    }
    stopped.await();
  }

  /**
   * Sends the functions' JSON logs to {@code logs/functions.log} in the state directory, unless a
   * Log4j configuration is chosen on the command line; before any function makes a logger. Returns
   * where they go.
   */
  private static String logToFile(Path state) {
    String chosen = System.getProperty(LOG_CONFIGURATION);
    if (chosen != null) {
      return "as " + chosen + " says";
    }
    Path log = state.resolve("logs").resolve("functions.log");
    System.setProperty(LOG_CONFIGURATION, "classpath:log4j2-local.xml");
    System.setProperty("finpilot.local.log", log.toString());
    return log + " (JSON, as CloudWatch gets them)";
  }

  /** {@code FINPILOT_WS_PORT}, else the port after the HTTP API's. */
  static int webSocketPort(Map<String, String> environment, int httpPort) {
    String configured = environment.get("FINPILOT_WS_PORT");
    return configured == null || configured.isBlank()
        ? httpPort + 1
        : Integer.parseInt(configured.trim());
  }

  /** Where the local runtime keeps what must outlive it. */
  static Path stateDirectory(Map<String, String> environment) {
    String home = environment.get("FINPILOT_HOME");
    Path base =
        home == null || home.isBlank()
            ? Path.of(System.getProperty("user.home"), ".finpilot")
            : Path.of(home);
    return base.resolve("local");
  }
}
