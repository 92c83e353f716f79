package dev.finpilot.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code bin/local} shows on a start with no users yet: a first plan, made the way a user
 * makes one ({@code bin/finpilot register} then {@code bin/finpilot plan}, as child processes on
 * this terminal), for the illustrative household {@value #HOUSEHOLD} in an account of its own.
 * {@value #SWITCH}=0 leaves it out; {@code bin/local} turns it on, other starters of the runtime
 * (tests, the load test) do not.
 */
final class FirstPlan {

  static final String SWITCH = "FINPILOT_FIRST_PLAN";
  static final String EMAIL = "first-plan@example.com";
  static final String HOUSEHOLD = "examples/mid-career-couple.json";
  static final String GOAL = "retire at 60 with $2M";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final String api;
  private final String webSocket;
  private final List<Process> running = new ArrayList<>();

  FirstPlan(Path root, String api, String webSocket) {
    this.root = root;
    this.api = api;
    this.webSocket = webSocket;
  }

  static boolean wanted(Map<String, String> environment) {
    return "1".equals(environment.get(SWITCH));
  }

  /**
   * Registers the account (its password is random and kept nowhere: the command line's session is
   * what signs it in) and plans the household; a step that fails says so and the runtime runs on.
   */
  void show() {
    System.out.println();
    System.out.println(
        "A first plan: \""
            + GOAL
            + "\" for an illustrative household ("
            + HOUSEHOLD
            + ", examples/README.md),");
    System.out.println("in the account " + EMAIL + " that the command line is now signed in to:");
    Optional<String> failed =
        run(randomPassword() + "\n", "register", "--email", EMAIL)
            .or(() -> run("", "plan", GOAL, "--state", root.resolve(HOUSEHOLD).toString()));
    failed.ifPresentOrElse(
        why -> System.out.println("The first plan could not be shown: " + why),
        () ->
            System.out.println(
                "Your own: bin/finpilot register --email you@example.com, then bin/finpilot plan"
                    + " \"<goal>\" --state <household.json> (docs/cli.md)."));
  }

  /** Stops a command still running when the runtime stops. */
  void stop() {
    synchronized (running) {
      running.forEach(Process::destroy);
    }
  }

  /** Runs {@code bin/finpilot ARGS} with {@code input} on its standard input; why it failed. */
  private Optional<String> run(String input, String... args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/finpilot").toString());
    command.addAll(List.of("--api", api, "--ws", webSocket));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectOutput(ProcessBuilder.Redirect.INHERIT)
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      synchronized (running) {
        running.add(process);
      }
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      int exit = process.waitFor();
      return exit == 0
          ? Optional.empty()
          : Optional.of("bin/finpilot " + args[0] + " ended with exit code " + exit);
    } catch (IOException e) {
      return Optional.of("bin/finpilot could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
