package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Making and reading plans: plan, plans, show, history, trace, compare, report, edit. */
final class PlanCommands {
  private PlanCommands() {}

  @Command(
      name = "plan",
      description =
          "Plan a goal in plain words for the household in --state, follow it live until it"
              + " settles, then show the strategy, steps, verification, alternatives and chart.")
  static final class Plan implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "GOAL", description = "e.g. \"retire at 60 with $2M\"")
    String goal;

    @Option(
        names = "--state",
        required = true,
        paramLabel = "FILE",
        description = "the household's financial state as JSON (examples/*.json)")
    Path state;

    @Option(names = "--tax-year", paramLabel = "YEAR", description = "default: the current year")
    Integer taxYear;

    @Option(
        names = "--assumptions",
        paramLabel = "BASIS",
        description = "current-market (default) or historical expected returns")
    String assumptions;

    @Override
    public Integer call() throws InterruptedException {
      Cli cli = root.cli();
      ApiClient api = cli.api();
      JsonNode household = Cli.readJsonFile(state);
      JsonNode goals = GoalText.planningGoals(cli, api, goal, household);
      ObjectNode request = JsonText.mapper().createObjectNode();
      request.set("state", household);
      request.set("goals", goals);
      request.put(
          "taxYear", taxYear != null ? taxYear : LocalDate.now(cli.terminal().clock()).getYear());
      if (assumptions != null) {
        request.put("assumptions", assumptions);
      }
      try (PlanFollower follower = cli.follower(api)) {
        String planId = api.call("POST", "/v1/plans", request).path("planId").asText();
        cli.say("plan " + planId + " submitted");
        return cli.settleAndShow(api, follower, planId, 0, Set.of("ACTIVE"));
      }
    }
  }

  @Command(name = "plans", description = "Your plans, newest first.")
  static final class Plans implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Option(names = "--limit", defaultValue = "20", description = "1 to 100 (default 20)")
    int limit;

    @Option(names = "--cursor", description = "the nextCursor of the page before")
    String cursor;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      cli.show(cli.api(), "/v1/plans?limit=" + limit + Paging.cursor(cursor), Plans::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode page) {
      List<String> lines = new ArrayList<>();
      String row = "%-36s  %-17s  %7s  %s";
      lines.add(String.format(Locale.ROOT, row, "PLAN", "STATUS", "VERSION", "CREATED"));
      for (JsonNode p : page.path("items")) {
        lines.add(
            String.format(
                Locale.ROOT,
                row,
                p.path("planId").asText(),
                p.path("status").asText(),
                p.path("currentVersion").asText(),
                p.path("createdAt").asText()));
      }
      lines.addAll(Paging.next(page));
      return lines;
    }
  }

  @Command(name = "show", description = "A plan, or one of its versions.")
  static final class Show implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "PLAN")
    String planId;

    @Option(names = "--version", paramLabel = "N")
    Integer version;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      if (version == null) {
        cli.show(cli.api(), "/v1/plans/" + planId, PlanText::plan);
      } else {
        cli.show(cli.api(), "/v1/plans/" + planId + "/versions/" + version, PlanText::version);
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "history", description = "Every workflow step of a plan with its time.")
  static final class History implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "PLAN")
    String planId;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      cli.show(cli.api(), "/v1/plans/" + planId + "/history", History::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode history) {
      List<String> lines = new ArrayList<>();
      lines.add("Plan " + history.path("planId").asText() + ": " + history.path("status").asText());
      for (JsonNode t : history.path("transitions")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%3d  %s  %-17s -> %-17s %7.1f s  %s",
                t.path("revision").asInt(),
                t.path("at").asText(),
                t.path("from").asText(),
                t.path("to").asText(),
                t.path("millisInPreviousState").asLong() / 1000.0,
                t.path("messageType").asText()));
        if (t.hasNonNull("reason")) {
          lines.addAll(Formats.wrap(t.path("reason").asText(), "       "));
        }
      }
      return lines;
    }
  }

  @Command(
      name = "trace",
      description = "The reasoning trace: every strategy explored, pruned or chosen, and why.")
  static final class Trace implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "PLAN")
    String planId;

    @Option(names = "--version", paramLabel = "N")
    Integer version;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      String query = version == null ? "" : "?version=" + version;
      cli.show(cli.api(), "/v1/plans/" + planId + "/trace" + query, Trace::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode trace) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "Plan "
              + trace.path("planId").asText()
              + ", version "
              + trace.path("version").asInt()
              + ": the planner's reasoning");
      for (JsonNode node : trace.path("trace").path("trace").path("nodes")) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%-5s %-10s %-9s %s",
                node.path("id").asText(),
                node.path("kind").asText(),
                node.path("status").asText(),
                node.path("label").asText()));
        lines.addAll(Formats.wrap(node.path("reason").asText(), "      "));
      }
      return lines;
    }
  }

  @Command(name = "compare", description = "What changed between two versions of a plan.")
  static final class Compare implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(index = "0", paramLabel = "PLAN")
    String planId;

    @Parameters(index = "1", paramLabel = "FROM")
    int from;

    @Parameters(index = "2", paramLabel = "TO")
    int to;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      cli.show(
          cli.api(), "/v1/plans/" + planId + "/compare?from=" + from + "&to=" + to, Compare::words);
      return ExitCodes.OK;
    }

    static List<String> words(JsonNode diff) {
      List<String> lines = new ArrayList<>();
      lines.add(
          "Plan "
              + diff.path("planId").asText()
              + ": success "
              + Formats.percent(diff.path("successProbabilityFrom"))
              + " in version "
              + diff.path("from").asInt()
              + ", "
              + Formats.percent(diff.path("successProbabilityTo"))
              + " in version "
              + diff.path("to").asInt());
      lines.add(diff.path("changes").size() + " values changed:");
      for (JsonNode change : diff.path("changes")) {
        lines.addAll(
            Formats.wrap(
                change.path("path").asText()
                    + ": "
                    + change.path("before")
                    + " -> "
                    + change.path("after"),
                "  "));
      }
      if (diff.path("truncated").asBoolean()) {
        lines.add("  (more changed than the API lists)");
      }
      return lines;
    }
  }

  @Command(
      name = "report",
      description =
          "The plan report: with --html, one self-contained page written to FILE; else its"
              + " figures as JSON.")
  static final class Report implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "PLAN")
    String planId;

    @Option(names = "--html", paramLabel = "FILE", description = "write the page here")
    Path html;

    @Option(
        names = "--version",
        paramLabel = "N",
        description = "default: the version in force, else the newest")
    Integer version;

    @Override
    public Integer call() {
      Cli cli = root.cli();
      String path =
          "/v1/plans/" + planId + "/report" + (version == null ? "" : "?version=" + version);
      if (html == null) {
        cli.terminal().out().println(cli.api().exchange("GET", path, null, ApiClient.JSON).body());
        cli.terminal().out().flush();
        return ExitCodes.OK;
      }
      PrivateFiles.write(html, cli.api().exchange("GET", path, null, "text/html").body());
      cli.say("wrote the report of plan " + planId + " to " + html);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "edit",
      description =
          "Change a plan's goals (in plain words) or household: a new version is planned and, as"
              + " after a life event, waits for your approval.")
  static final class Edit implements Callable<Integer> {
    @ParentCommand Finpilot root;

    @Parameters(paramLabel = "PLAN")
    String planId;

    @Option(names = "--state", paramLabel = "FILE", description = "the household's new state")
    Path state;

    @Option(names = "--goal", paramLabel = "TEXT", description = "the goals, in plain words")
    String goal;

    @Override
    public Integer call() throws InterruptedException {
      if (state == null && goal == null) {
        throw new CliFailure(ExitCodes.USAGE, "edit needs --state FILE, --goal TEXT or both");
      }
      Cli cli = root.cli();
      ApiClient api = cli.api();
      ObjectNode change = JsonText.mapper().createObjectNode();
      JsonNode household = null;
      if (state != null) {
        household = Cli.readJsonFile(state);
        change.set("household", household);
      }
      if (goal != null) {
        JsonNode basis =
            household != null
                ? household
                : api.get("/v1/plans/" + planId).path("request").path("state");
        change.set("goals", GoalText.planningGoals(cli, api, goal, basis));
      }
      try (PlanFollower follower = cli.follower(api)) {
        long before = follower.revision(planId);
        api.call("PATCH", "/v1/plans/" + planId, change);
        cli.say("plan " + planId + ": change accepted; a new version is being planned");
        return cli.settleAndShow(
            api, follower, planId, before, Set.of("AWAITING_APPROVAL", "ACTIVE"));
      }
    }
  }
}
