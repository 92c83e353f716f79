package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in process as a user would from a shell, with its own config directory. */
final class CliRunner {
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();

  CliRunner(Path configHome, String api) {
    env.put("XDG_CONFIG_HOME", configHome.toString());
    env.put("FINPILOT_API", api);
  }

  CliRunner env(String name, String value) {
    env.put(name, value);
    return this;
  }

  CliRunner clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** What one run printed and how it ended. */
  record Result(int exit, String out, String err) {
    JsonNode json() {
      return JsonText.read(out);
    }

    @Override
    public String toString() {
      return "exit " + exit + "\n--- out:\n" + out + "\n--- err:\n" + err;
    }
  }

  Result run(String... args) {
    return runWithInput("", args);
  }

  /** A run with {@code stdin} on standard input (passwords, one a line). */
  Result runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Terminal terminal =
        new Terminal(
            Map.copyOf(env),
            new BufferedReader(new StringReader(stdin)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            clock,
            null);
    int exit = Finpilot.execute(terminal, args);
    return new Result(exit, out.toString(), err.toString());
  }
}
