package dev.finpilot.testkit.backend;

import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.testcontainers.DockerClientFactory;

/**
 * The one AWS backend of this JVM, chosen and started on first use, and the SDK clients that talk
 * to it. The choice (or the reason there is none) is remembered, so every test class sees the same.
 */
public final class AwsBackends {

  /** Where moto writes its log, relative to the working directory (the module under Maven). */
  public static final String LOG_DIRECTORY_PROPERTY = "finpilot.testkit.logDirectory";

  private static final System.Logger LOG = System.getLogger(AwsBackends.class.getName());

  private static AwsBackend backend;
  private static String failure;
  private static AwsClients clients;
  private static Optional<Path> stateDirectory = Optional.empty();

  private AwsBackends() {}

  /**
   * The backend, started if needed, with the SDK's standard settings pointing at it.
   *
   * @throws BackendUnavailableException when none of the options works; the message says how to fix
   */
  public static synchronized AwsBackend shared() {
    if (backend == null && failure == null) {
      UnaryOperator<String> env = System::getenv;
      long start = System.nanoTime();
      try {
        backend = selector(env).select();
        SdkSettings.apply(backend, env);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.log(Level.INFO, () -> "AWS backend: " + backend.description() + " (" + millis + " ms)");
      } catch (BackendUnavailableException e) {
        failure = e.getMessage();
      }
    }
    if (failure != null) {
      throw new BackendUnavailableException(failure);
    }
    return backend;
  }

  /**
   * Makes the moto server this JVM starts keep the stack's items and messages in {@code directory}
   * (see {@link AwsBackend#restoreState()}). Only before the backend is first used: tests, which
   * start from nothing, never call it.
   */
  public static synchronized void keepStateIn(Path directory) {
    if (backend != null || failure != null) {
      throw new IllegalStateException("the backend has started already; keep its state earlier");
    }
    stateDirectory = Optional.of(directory);
  }

  /** Clients built from the standard settings after {@link #shared()} applied them. */
  public static synchronized AwsClients clients() {
    shared();
    if (clients == null) {
      clients = AwsClients.fromStandardSettings();
    }
    return clients;
  }

  private static BackendSelector selector(UnaryOperator<String> env) {
    Path logs = Path.of(System.getProperty(LOG_DIRECTORY_PROPERTY, "target"));
    return new BackendSelector(
        env,
        System::getProperty,
        AwsBackends::dockerAvailable,
        () -> MotoPython.find(env),
        token ->
            LocalStackBackend.start(
                token, Optional.ofNullable(env.apply("FINPILOT_LOCALSTACK_IMAGE"))),
        python -> MotoServer.start(python, logs, stateDirectory, sweep(stateDirectory)));
  }

  /**
   * The local runtime (which keeps its state) sweeps expired items to bound its memory; tests do
   * not: they drive clocks fixed on past days, and DynamoDB deletes an expired item days after its
   * TTL, not within the minute a test may take between writing it and reading it.
   */
  private static Map<String, String> sweep(Optional<Path> stateDirectory) {
    return stateDirectory.isPresent()
        ? Map.of()
        : Map.of(MotoServer.TTL_SWEEP_VARIABLE, MotoServer.TTL_SWEEP_OFF);
  }

  /**
   * Whether a Docker engine answers. Where nothing points at one (no {@code DOCKER_HOST}, no
   * Testcontainers settings, no socket in the usual places) the answer is no without asking
   * Testcontainers, whose probe takes seconds and reports a machine without Docker as an ERROR.
   */
  private static boolean dockerAvailable() {
    String home = System.getProperty("user.home");
    boolean pointedAt =
        System.getenv("DOCKER_HOST") != null
            || Files.exists(Path.of(home, ".testcontainers.properties"))
            || Files.exists(Path.of("/var/run/docker.sock"))
            || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
            || Files.exists(Path.of(home, ".colima", "default", "docker.sock"))
            || Files.exists(Path.of(home, ".rd", "docker.sock"));
    if (!pointedAt) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
