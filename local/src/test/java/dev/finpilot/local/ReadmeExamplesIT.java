package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import dev.finpilot.testkit.template.TemplateLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's usage block, run as written with bash, curl and jq against the local runtime's HTTP
 * server (only the port differs), its sign-in lines run once before it so that the block meets an
 * account that already exists, as on a second run: register, plan to ACTIVE, a life event to a
 * version awaiting approval, compare, approve, and goals read from plain words. Every loop in the
 * block waits for a state the README promises, so a promise the system no longer keeps ends the run
 * with the output so far instead of passing.
 */
@WithAwsBackend
class ReadmeExamplesIT {
  private static final String README_API = "http://127.0.0.1:8080";
  private static final Pattern USAGE_BLOCK =
      Pattern.compile("## Usage\\R.*?```bash\\R(.*?)```", Pattern.DOTALL);

  private static RunningStack stack;
  private static HttpApiServer server;

  @BeforeAll
  static void start(Environment env) throws IOException {
    stack = new RunningStack(env, 1);
    server = HttpApiServer.start(stack.runtime, 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    stack.close();
  }

  static String usageBlock(String readme) {
    Matcher m = USAGE_BLOCK.matcher(readme);
    assertThat(m.find()).as("README.md has a bash block under ## Usage").isTrue();
    return m.group(1);
  }

  @Test
  void theUsageBlockRunsAsWrittenFromRegistrationToTheApprovedSecondVersion() throws Exception {
    Path root = TemplateLocator.locate().getParent();
    String block = usageBlock(Files.readString(root.resolve("README.md")));
    assertThat(block).contains(README_API);
    String local = block.replace(README_API, "http://127.0.0.1:" + server.port());
    // The sign-in lines run once before the block, so the block itself meets an account that
    // exists, as on any later run against a bin/local that kept its state.
    String signIn = local.substring(0, local.indexOf("\nAUTH=") + 1);
    String script =
        "set -euo pipefail\n"
            + signIn
            + "[ \"$TOKEN\" != null ] || { echo 'first sign-in failed'; exit 1; }\n"
            + local
            + "\necho \"final=$(curl -s -H \"$AUTH\" $API/v1/plans/$PLAN"
            + " | jq -c '{status, activeVersion}')\"\n";

    Path log = Files.createTempFile("readme-examples", ".log");
    Process bash =
        new ProcessBuilder("bash", "-c", script)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean finished = bash.waitFor(4, TimeUnit.MINUTES);
    if (!finished) {
      bash.destroyForcibly();
    }
    String output = Files.readString(log);

    assertThat(finished)
        .as("the README block finished within 4 minutes; output:%n%s", output)
        .isTrue();
    assertThat(bash.exitValue()).as("exit status; output:%n%s", output).isZero();
    assertThat(output)
        .contains("\"status\": \"ACTIVE\"")
        .contains("\"action\": \"REVERIFY\"")
        .contains("\"successProbabilityTo\"")
        .contains("\"type\": \"RETIREMENT\"")
        .contains("\"type\": \"EMERGENCY_FUND\"")
        .contains("\"changed\":")
        .contains("2008");
    assertThat(output).contains("final={\"status\":\"ACTIVE\",\"activeVersion\":2}");
  }
}
