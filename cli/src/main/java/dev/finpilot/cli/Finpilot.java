package dev.finpilot.cli;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code finpilot}: the command line over FinPilot's HTTP API (docs/cli.md). */
@Command(
    name = "finpilot",
    mixinStandardHelpOptions = true,
    version = "finpilot 0.1.0",
    description = "Plans, follows and charts FinPilot plans over its HTTP API.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      AccountCommands.Register.class,
      AccountCommands.Login.class,
      AccountCommands.Logout.class,
      PlanCommands.Plan.class,
      PlanCommands.Plans.class,
      PlanCommands.Show.class,
      PlanCommands.History.class,
      PlanCommands.Trace.class,
      PlanCommands.Compare.class,
      ReviewCommands.LifeEvent.class,
      ReviewCommands.Approve.class,
      ReviewCommands.Decline.class,
      PlanCommands.Edit.class,
      PlanCommands.Report.class,
      BookCommands.Ledger.class,
      BookCommands.Portfolio.class,
      BookCommands.Quotes.class,
      AccountCommands.Password.class,
      AccountCommands.Export.class,
      AccountCommands.Erase.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done as asked",
      "1:a followed plan settled elsewhere than wanted (REJECTED, FAILED, awaiting approval)",
      "2:bad command line, or a file named on it cannot be read",
      "3:not signed in, session ended, or token or password refused",
      "4:no such plan, version or account",
      "5:the API cannot be reached",
      "6:the API failed (5xx) or answered something unreadable",
      "7:the API refused the request (invalid input, conflict, rate limit)"
    },
    footer = "%nEvery command, its options and examples: docs/cli.md")
public final class Finpilot {
  @Option(
      names = "--api",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description = "the API's base URL (default: $FINPILOT_API, else " + Cli.DEFAULT_API + ")")
  String api;

  @Option(
      names = "--ws",
      scope = ScopeType.INHERIT,
      paramLabel = "URL",
      description =
          "the WebSocket API to follow plans on (default: $FINPILOT_WS; for a local API on"
              + " port P, ws://127.0.0.1:P+1/)")
  String websocket;

  @Option(
      names = "--json",
      scope = ScopeType.INHERIT,
      description = "print the API's JSON as it is (progress goes to standard error)")
  boolean json;

  @Option(
      names = "--timeout",
      scope = ScopeType.INHERIT,
      paramLabel = "DURATION",
      description = "how long to follow a plan before giving up (ISO-8601, default PT10M)")
  Duration timeout = Duration.ofMinutes(10);

  private final Terminal terminal;

  Finpilot(Terminal terminal) {
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    System.exit(execute(Terminal.system(), args));
  }

  /** Runs one command line and answers its exit status (tests call this in process). */
  static int execute(Terminal terminal, String... args) {
    return commandLine(terminal).execute(args);
  }

  static CommandLine commandLine(Terminal terminal) {
    CommandLine commandLine = new CommandLine(new Finpilot(terminal));
    return commandLine
        .setOut(terminal.out())
        .setErr(terminal.err())
        .setExecutionExceptionHandler(
            (failure, command, parsed) -> {
              if (failure instanceof CliFailure cli) {
                terminal.err().println("finpilot: " + cli.getMessage());
                terminal.err().flush();
                return cli.exitCode();
              }
              terminal.err().println("finpilot: unexpected failure: " + failure);
              terminal.err().flush();
              return ExitCodes.SERVER_ERROR;
            });
  }

  /** The context of the command being run, from the options parsed. */
  Cli cli() {
    return new Cli(terminal, api, websocket, json, timeout);
  }
}
