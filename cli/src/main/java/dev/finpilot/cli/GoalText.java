package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Goals in plain words, read by the API's goal parser ({@code POST /v1/goals/parse},
 * docs/goal-parsing.md) with the household's age, essential expenses and planned retirement age, so
 * "retire at 60" becomes a date. The CLI shows what was read before anything is planned.
 */
final class GoalText {
  private GoalText() {}

  /** The planning goals read from {@code text}; fails, saying what is missing, if unusable. */
  static JsonNode planningGoals(Cli cli, ApiClient api, String text, JsonNode household) {
    ObjectNode request = JsonText.mapper().createObjectNode().put("text", text);
    copy(household, "age", request, "currentAge");
    copy(household.path("expenses"), "essential", request, "monthlyEssentialExpenses");
    copy(household, "plannedRetirementAge", request, "plannedRetirementAge");
    JsonNode parsed = api.call("POST", "/v1/goals/parse", request);
    JsonNode errors = parsed.path("conversionErrors");
    if (!errors.isEmpty() || parsed.path("planningGoals").isEmpty()) {
      List<String> problems = new ArrayList<>();
      errors.forEach(e -> problems.add(e.isTextual() ? e.asText() : e.toString()));
      throw new CliFailure(
          ExitCodes.REFUSED,
          "cannot plan from \"" + text + "\" yet: " + String.join("; ", problems));
    }
    if (!cli.json()) {
      describe(parsed).forEach(cli::say);
    }
    return parsed.path("planningGoals");
  }

  static List<String> describe(JsonNode parsed) {
    List<String> lines = new ArrayList<>();
    for (JsonNode goal : parsed.path("planningGoals")) {
      lines.add(
          "goal read: "
              + goal.path("type").asText()
              + " "
              + Formats.money(goal.path("targetAmount"))
              + " by "
              + goal.path("targetDate").asText()
              + " ("
              + goal.path("description").asText()
              + ")");
    }
    for (JsonNode assumption : parsed.path("assumptions")) {
      lines.addAll(Formats.wrap("assumed: " + text(assumption), "  "));
    }
    for (JsonNode warning : parsed.path("warnings")) {
      lines.addAll(Formats.wrap("note: " + text(warning), "  "));
    }
    return lines;
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : node.toString();
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String as) {
    if (from.hasNonNull(field)) {
      to.set(as, from.get(field));
    }
  }
}
