package dev.finpilot.local;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/local}: the whole stack on this machine with no Docker and no AWS account. Starts the
 * emulator (or uses AWS_ENDPOINT_URL), creates the resources of template.yaml, and serves the HTTP
 * API on localhost until interrupted. Market data is offline unless the user's environment names
 * providers ({@link LocalMarketData}).
 */
public final class LocalRunner {
  private LocalRunner() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port = Integer.parseInt(System.getenv().getOrDefault("FINPILOT_PORT", "8080"));
    SamTemplate template = SamTemplate.read(TemplateLocator.locate());
    LocalMarketData.overrides(template, System.getenv()).forEach(System::setProperty);
    Environment env = Environment.provision(template, "finpilot-local", Map.of("Stage", "dev"));
    StackRuntime runtime = StackRuntime.start(env, template, 2);
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
            + "); Ctrl-C to stop");
    System.out.println(LocalMarketData.describe(System.getenv()));
    stopped.await();
  }
}
