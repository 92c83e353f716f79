package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.cli.SessionStore.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The account: register, log in and out, change the password, export everything held about the
 * user, erase the account. Passwords are typed without echo, or read from standard input (one line
 * each), never taken from the command line, where other users of the machine could see them.
 */
final class AccountCommands {
  private AccountCommands() {}

  @Command(
      name = "register",
      description = "Create an account and sign in (the password is read, not an option).")
  static final class Register implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Option(names = "--email", required = true, description = "the account's e-mail address")
    String email;

    @Option(names = "--name", description = "the name to show (default: before the @)")
    String name;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      String password = cli.terminal().secret("password (12 characters or more)");
      JsonNode answer =
          api.anonymous(
              "POST",
              "/v1/auth/register",
              Map.of(
                  "email",
                  email,
                  "password",
                  password,
                  "displayName",
                  name != null ? name : email.substring(0, Math.max(1, email.indexOf('@')))));
      return signedIn(cli, api, answer, "registered");
    }
  }

  @Command(name = "login", description = "Sign in; the session is kept in the config directory.")
  static final class Login implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Option(names = "--email", required = true, description = "the account's e-mail address")
    String email;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      String password = cli.terminal().secret("password");
      JsonNode answer =
          api.anonymous("POST", "/v1/auth/login", Map.of("email", email, "password", password));
      return signedIn(cli, api, answer, "signed in");
    }
  }

  @Command(name = "logout", description = "End the session here and at the API.")
  static final class Logout implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      Optional<Session> session = cli.sessions().find(api.api());
      if (session.isEmpty()) {
        cli.say("not signed in to " + api.api());
        return ExitCodes.OK;
      }
      try {
        api.call("POST", "/v1/auth/logout", Map.of("refreshToken", session.get().refreshToken()));
      } finally {
        // Whatever the API answers, this machine forgets the tokens.
        cli.sessions().remove(api.api());
      }
      cli.say("signed out of " + api.api());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "password",
      description =
          "Change the password (current, then new, each typed or one line of standard input);"
              + " every session ends, and this one signs in again with the new password.")
  static final class Password implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      Session session = api.session();
      String current = cli.terminal().secret("current password");
      String next = cli.terminal().secret("new password (12 characters or more)");
      api.call("POST", "/v1/me/password", Map.of("currentPassword", current, "newPassword", next));
      cli.sessions().remove(api.api());
      JsonNode answer =
          api.anonymous(
              "POST", "/v1/auth/login", Map.of("email", session.email(), "password", next));
      return signedIn(cli, api, answer, "password changed; every other session has ended;");
    }
  }

  @Command(
      name = "export",
      description = "Everything FinPilot holds about you, as JSON (to standard output or --out).")
  static final class Export implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Option(names = "--out", paramLabel = "FILE", description = "write it here (owner-only)")
    Path out;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      String body = cli.api().exchange("GET", "/v1/me/export", null, ApiClient.JSON).body();
      if (out == null) {
        cli.terminal().out().println(body);
        cli.terminal().out().flush();
      } else {
        PrivateFiles.write(out, body);
        cli.say("wrote your data to " + out + " (" + body.length() + " characters)");
      }
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "erase",
      description =
          "Erase your account and everything FinPilot holds about you, for good (needs --yes).")
  static final class Erase implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Option(names = "--yes", description = "yes, erase it all")
    boolean yes;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      if (!yes) {
        throw new CliFailure(
            ExitCodes.USAGE,
            "erase deletes your account, plans, ledger and sessions for good; add --yes to do it");
      }
      ApiClient api = cli.api();
      api.call("DELETE", "/v1/me", null);
      cli.sessions().remove(api.api());
      cli.say("your account and everything FinPilot held about you are erased");
      return ExitCodes.OK;
    }
  }

  /** Keeps the session the answer carries and says who is signed in (never the tokens). */
  private static int signedIn(Cli cli, ApiClient api, JsonNode answer, String what) {
    Session session = Session.fromAnswer(answer, cli.terminal().clock().instant());
    cli.sessions().save(api.api(), session);
    cli.print(
        answer.path("user"),
        user ->
            List.of(
                what
                    + " as "
                    + user.path("email").asText()
                    + " (user "
                    + user.path("userId").asText()
                    + ") at "
                    + api.api()));
    return ExitCodes.OK;
  }
}
