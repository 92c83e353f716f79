package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.cli.ExampleHouseholds.Example;
import dev.finpilot.local.HttpApiServer;
import dev.finpilot.local.StackRuntime;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI in process against the local runtime's HTTP server (the stack of template.yaml on the
 * emulator, as bin/local runs it): a user's session from registration to an approved second
 * version, every example household planned to ACTIVE, and the exit codes scripts rely on.
 */
@WithAwsBackend
class CliIT {
  private static final String PASSWORD = "correct horse battery staple\n";

  private static StackRuntime runtime;
  private static HttpApiServer server;

  @TempDir Path home;

  @BeforeAll
  static void start(Environment env) throws Exception {
    runtime = StackRuntime.start(env, SamTemplate.read(TemplateLocator.locate()), 1);
    server = HttpApiServer.start(runtime, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    runtime.close();
  }

  private CliRunner cli() {
    return new CliRunner(home, "http://127.0.0.1:" + server.port());
  }

  private static CliRunner.Result ok(CliRunner.Result result) {
    assertThat(result.exit()).as(result.toString()).isZero();
    return result;
  }

  @Test
  void aUserRegistersPlansFollowsReviewsAndApprovesFromTheCommandLine() throws Exception {
    CliRunner cli = cli();
    ok(cli.runWithInput(PASSWORD, "register", "--email", "grace@example.com", "--name", "Grace"));

    CliRunner.Result planned =
        ok(
            cli.run(
                "plan",
                "save $60k for a house down payment in 5 years",
                "--state",
                ExampleHouseholds.root().resolve("examples/young-renter.json").toString()));
    assertThat(planned.out())
        .contains("goal read: HOME_PURCHASE $60,000.00")
        .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  PLANNING")
        .containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z  ACTIVE")
        .contains("Version 1: strategy ", "Each month:", "Steps:", "Verification: ")
        .contains("Strategies considered:", "chosen", "* median", "age 27");
    String planId = planned.out().replaceAll("(?s).*plan ([0-9a-f-]{36}) submitted.*", "$1");

    JsonNode shown = ok(cli.run("show", planId, "--json")).json();
    assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(shown.path("version").path("projection").path("bands").size()).isGreaterThan(5);
    assertThat(ok(cli.run("history", planId)).out()).contains("EXECUTING         -> ACTIVE");
    assertThat(ok(cli.run("trace", planId)).out()).contains("CHOSEN");
    assertThat(ok(cli.run("plans", "--json")).json().path("items")).hasSize(1);
    assertThat(ok(cli.run("ledger", "--json")).json().path("transactions")).isNotEmpty();
    assertThat(ok(cli.run("portfolio")).out()).contains("total $");
    assertThat(ok(cli.run("quotes", "SPY")).out()).contains("SPY: ");

    // The README's household: a 10% pay cut leads to a second version awaiting approval.
    Path readmeHousehold = home.resolve("household.json");
    JsonNode sample =
        JsonText.read(
            JsonText.read(
                    Files.readString(
                        ExampleHouseholds.root().resolve("events/api/create-plan.json")))
                .path("body")
                .asText());
    Files.writeString(readmeHousehold, JsonText.write(sample.path("state")));
    CliRunner.Result second =
        ok(
            cli.run(
                "plan",
                "retire at 60 with $2M and an emergency fund of six months",
                "--state",
                readmeHousehold.toString()));
    String reviewed = second.out().replaceAll("(?s).*plan ([0-9a-f-]{36}) submitted.*", "$1");
    CliRunner.Result event =
        ok(cli.run("life-event", reviewed, "INCOME_CHANGE", "--income-change", "-10"));
    assertThat(event.out()).contains("review: MEDIUM, REVERIFY").contains("AWAITING_APPROVAL");
    int pending = ok(cli.run("show", reviewed, "--json")).json().path("pendingVersion").asInt();
    assertThat(pending).isGreaterThan(1);

    assertThat(ok(cli.run("compare", reviewed, "1", String.valueOf(pending))).out())
        .contains("in version 1", "in version " + pending, "values changed:");
    JsonNode diff = ok(cli.run("compare", reviewed, "1", String.valueOf(pending), "--json")).json();
    assertThat(diff.path("changes")).isNotEmpty();

    ok(cli.run("approve", reviewed, String.valueOf(pending)));
    JsonNode approved = ok(cli.run("show", reviewed, "--json")).json();
    assertThat(approved.path("status").asText()).isEqualTo("ACTIVE");
    assertThat(approved.path("activeVersion").asInt()).isEqualTo(pending);

    ok(cli.run("logout"));
    assertThat(cli.run("plans").exit()).isEqualTo(ExitCodes.NOT_SIGNED_IN);
  }

  @Test
  void plansThatDoNotExistOrAreSomeoneElsesAreExitCodeFour() {
    CliRunner owner = cli();
    ok(owner.runWithInput(PASSWORD, "register", "--email", "owner@example.com"));

    CliRunner.Result missing = owner.run("show", "00000000-0000-0000-0000-000000000000");
    assertThat(missing.exit()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.err()).contains("Not found (404)").contains("correlation id: ");
    assertThat(owner.run("history", "not-a-plan-id").exit()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void everyExampleHouseholdPlansToActive() throws Exception {
    CliRunner cli = cli();
    ok(cli.runWithInput(PASSWORD, "register", "--email", "examples@example.com"));

    for (Example example : ExampleHouseholds.documented()) {
      CliRunner.Result result =
          cli.run("plan", example.goal(), "--state", example.state().toString(), "--json");
      assertThat(result.exit()).as(example + "\n" + result).isZero();
      assertThat(result.json().path("status").asText()).as(example.toString()).isEqualTo("ACTIVE");
    }
  }
}
