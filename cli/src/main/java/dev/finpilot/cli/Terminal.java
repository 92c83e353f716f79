package dev.finpilot.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command reads from or writes to its surroundings: the environment, standard input
 * and output, the clock. Tests run the CLI in process with their own.
 */
record Terminal(
    Map<String, String> env,
    BufferedReader in,
    PrintWriter out,
    PrintWriter err,
    Clock clock,
    Console console) {

  static Terminal system() {
    return new Terminal(
        System.getenv(),
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        Clock.systemUTC(),
        System.console());
  }

  /**
   * A secret: typed without echo at a terminal, else one line of standard input (so scripts can
   * pipe it in and it never appears in the process list).
   */
  String secret(String prompt) {
    if (console != null) {
      char[] typed = console.readPassword("%s: ", prompt);
      if (typed == null) {
        throw new CliFailure(ExitCodes.USAGE, prompt + ": nothing was typed");
      }
      return new String(typed);
    }
    try {
      String line = in.readLine();
      if (line == null || line.isEmpty()) {
        throw new CliFailure(
            ExitCodes.USAGE, prompt + ": expected one line on standard input, found none");
      }
      return line;
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.USAGE, prompt + ": cannot read standard input", e);
    }
  }

  String env(String name, String otherwise) {
    String value = env.get(name);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
