package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Reviews of an ACTIVE plan: report a life event, approve or decline the version it leads to. */
final class ReviewCommands {
  private ReviewCommands() {}

  @Command(
      name = "life-event",
      description =
          "Report a life event against an ACTIVE plan and follow the review it starts, until the"
              + " plan stands again or a new version awaits your approval.")
  static final class LifeEvent implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(index = "0", paramLabel = "PLAN")
    String planId;

    @Parameters(
        index = "1",
        paramLabel = "TYPE",
        description =
            "JOB_LOSS, MEDICAL_EMERGENCY, INCOME_CHANGE, NEW_DEPENDENT, WINDFALL, INHERITANCE,"
                + " DIVORCE or RETIREMENT")
    String type;

    @Option(
        names = "--income-change",
        paramLabel = "PERCENT",
        description = "INCOME_CHANGE: e.g. -10 for a 10% cut")
    BigDecimal incomeChange;

    @Option(
        names = "--amount",
        paramLabel = "USD",
        description = "WINDFALL, INHERITANCE, MEDICAL_EMERGENCY: the amount")
    BigDecimal amount;

    @Option(names = "--state", paramLabel = "FILE", description = "the household's new state")
    Path state;

    @Override
    public Integer call() throws InterruptedException {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      ObjectNode event = JsonText.mapper().createObjectNode().put("type", type);
      if (incomeChange != null) {
        event.put("incomeChangePercent", incomeChange.toPlainString());
      }
      if (amount != null) {
        event.putObject("amount").put("amount", amount.toPlainString()).put("currency", "USD");
      }
      if (state != null) {
        event.set("state", Cli.readJsonFile(state));
      }
      try (PlanFollower follower = cli.follower(api)) {
        long before = follower.revision(planId);
        JsonNode answer = api.call("POST", "/v1/plans/" + planId + "/life-events", event);
        review(answer).forEach(cli::say);
        if ("MONITOR".equals(answer.path("review").path("action").asText())) {
          // Recorded in the history, nothing to follow: the plan stands as it is.
          cli.show(api, "/v1/plans/" + planId, PlanText::plan);
          return ExitCodes.OK;
        }
        return cli.settleAndShow(
            api, follower, planId, before, Set.of("AWAITING_APPROVAL", "ACTIVE"));
      }
    }

    private static List<String> review(JsonNode answer) {
      JsonNode review = answer.path("review");
      List<String> lines = new ArrayList<>();
      lines.add(
          "review: "
              + review.path("severity").asText()
              + ", "
              + review.path("action").asText()
              + ", "
              + review.path("approval").asText()
              + (answer.path("deferred").asBoolean() ? " (waits for the review in progress)" : ""));
      for (JsonNode reason : review.path("reasons")) {
        lines.addAll(Formats.wrap(reason.asText(), "  "));
      }
      return lines;
    }
  }

  /** The owner's decision on the version awaiting it. */
  abstract static class Decision implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(index = "0", paramLabel = "PLAN")
    String planId;

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    /** The route's last segment. */
    abstract String decision();

    /** Where the plan should settle after it. */
    abstract Set<String> wanted();

    @Override
    public Integer call() throws InterruptedException {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      try (PlanFollower follower = cli.follower(api)) {
        long before = follower.revision(planId);
        JsonNode answer =
            api.call(
                "POST", "/v1/plans/" + planId + "/versions/" + version + "/" + decision(), null);
        cli.say(
            "plan "
                + planId
                + ": "
                + answer.path("decision").asText()
                + " (version "
                + version
                + ")");
        return cli.settleAndShow(api, follower, planId, before, wanted());
      }
    }
  }

  @Command(
      name = "approve",
      description = "Approve the version awaiting your decision and follow it until ACTIVE.")
  static final class Approve extends Decision {
    @Override
    String decision() {
      return "approve";
    }

    @Override
    Set<String> wanted() {
      return Set.of("ACTIVE");
    }
  }

  @Command(
      name = "decline",
      description =
          "Decline the version awaiting your decision: the version in force stays (a first plan"
              + " becomes REJECTED).")
  static final class Decline extends Decision {
    @Override
    String decision() {
      return "reject";
    }

    @Override
    Set<String> wanted() {
      return Set.of("ACTIVE", "REJECTED");
    }
  }
}
