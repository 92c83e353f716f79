package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinpilotTest {
  @TempDir Path config;

  private CliRunner cli() {
    return new CliRunner(config, "http://127.0.0.1:1");
  }

  @Test
  void aMissingOptionIsAUsageErrorWithTheUsage() {
    CliRunner.Result result = cli().run("plan", "retire at 60 with $2M");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("Missing required option: '--state=FILE'");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    assertThat(cli().run("plna").exit()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void eraseWithoutYesErasesNothing() {
    CliRunner.Result result = cli().run("erase");

    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("add --yes");
  }

  @Test
  void withoutASessionACommandSaysHowToSignIn() {
    CliRunner.Result result = cli().run("plans", "--json");

    assertThat(result.exit()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("not signed in to http://127.0.0.1:1").contains("login");
  }

  @Test
  void aStateFileThatIsNotJsonIsAUsageError() throws Exception {
    Path state = Files.writeString(config.resolve("state.json"), "age: 35");
    CliRunner.Result result =
        new CliRunner(config, "http://127.0.0.1:1")
            .run("plan", "retire at 60", "--state", state.toString());

    // The session is checked later: the file is read first, so its error comes first.
    assertThat(result.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(result.err()).contains("cannot read " + state);
  }

  @Test
  void theHelpListsEveryCommandAndTheExitCodes() {
    CliRunner.Result result = cli().run("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out())
        .contains("register", "login", "logout", "plan ", "plans", "show", "history", "trace")
        .contains("compare", "life-event", "approve", "decline", "ledger", "portfolio", "quotes")
        .contains("report", "edit", "password", "export", "erase")
        .contains("Exit codes:", "5   the API cannot be reached");
  }

  @Test
  void theWebSocketOfALocalApiIsOnTheNextPortUnlessNamed() {
    Terminal terminal = new CliRunnerTerminal(Map.of()).terminal();
    Duration patience = Duration.ofMinutes(1);

    assertThat(new Cli(terminal, "http://127.0.0.1:8080", null, false, patience).websocket())
        .contains(URI.create("ws://127.0.0.1:8081/"));
    assertThat(new Cli(terminal, "http://localhost:9000/", null, false, patience).websocket())
        .contains(URI.create("ws://localhost:9001/"));
    assertThat(new Cli(terminal, "https://api.example.com", null, false, patience).websocket())
        .isEqualTo(Optional.empty());
    assertThat(
            new Cli(
                    terminal,
                    "https://api.example.com",
                    "wss://ws.example.com/prod",
                    false,
                    patience)
                .websocket())
        .contains(URI.create("wss://ws.example.com/prod"));
    Terminal withEnv = new CliRunnerTerminal(Map.of("FINPILOT_WS", "ws://10.0.0.1:7/")).terminal();
    assertThat(new Cli(withEnv, "http://127.0.0.1:8080", null, false, patience).websocket())
        .contains(URI.create("ws://10.0.0.1:7/"));
  }

  /** A terminal with only an environment, for the context's own decisions. */
  private record CliRunnerTerminal(Map<String, String> env) {
    Terminal terminal() {
      return new Terminal(
          env,
          new java.io.BufferedReader(new java.io.StringReader("")),
          new java.io.PrintWriter(new java.io.StringWriter()),
          new java.io.PrintWriter(new java.io.StringWriter()),
          java.time.Clock.systemUTC(),
          null);
    }
  }
}
