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
 * {@code ~/.finpilot/local} by default), serves the HTTP API on localhost and runs the market
 * monitor every {@code FINPILOT_MONITOR_INTERVAL} (an ISO-8601 duration, default PT15M; the first
 * run {@link #FIRST_MONITOR_RUN} after start) until interrupted. Market data is offline unless the
 * user's environment names providers ({@link LocalMarketData}).
 */
public final class LocalRunner {

  static final Duration FIRST_MONITOR_RUN = Duration.ofSeconds(10);

  /** The stack the local runtime provisions; {@link Invoke} resolves the same names. */
  static final String STACK_NAME = "finpilot-local";

  static final Map<String, String> PARAMETERS = Map.of("Stage", "dev");

  private LocalRunner() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("FINPILOT_PORT", "8080"));
    SamTemplate template = SamTemplate.read(TemplateLocator.locate());
    LocalMarketData.overrides(template, System.getenv()).forEach(System::setProperty);
    Environment env = Environment.provision(template, STACK_NAME, PARAMETERS);
    LocalSigningKey.install(env, stateDirectory(System.getenv()));
    StackRuntime runtime = StackRuntime.start(env, template, 2);
    Duration monitorInterval =
        Duration.parse(System.getenv().getOrDefault("FINPILOT_MONITOR_INTERVAL", "PT15M"));
    runtime.startSchedules(template, FIRST_MONITOR_RUN, monitorInterval);
    HttpApiServer server = HttpApiServer.start(runtime, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  runtime.close();
                  env.close();
                  stopped.countDown();
                }));
    System.out.println(
        "FinPilot is running: http://127.0.0.1:"
            + server.port()
            + " (emulator "
            + env.backend().description()
            + "); market monitor every "
            + monitorInterval
            + " (FINPILOT_MONITOR_INTERVAL); Ctrl-C to stop");
    System.out.println(LocalMarketData.describe(System.getenv()));
    stopped.await();
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
