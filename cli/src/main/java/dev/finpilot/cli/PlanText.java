package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A plan version in words for the terminal: the chosen strategy and why, the monthly amounts, the
 * dated steps, the verification report, the alternatives considered, and the projection's bands as
 * a chart. Reads the API's JSON as it is; absent parts are left out, never invented.
 */
final class PlanText {
  private PlanText() {}

  /** The plan ({@code GET /v1/plans/{id}}): its status line, then the version it shows. */
  static List<String> plan(JsonNode plan) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Plan "
            + plan.path("planId").asText()
            + ": "
            + plan.path("status").asText()
            + (plan.path("activeVersion").asInt() > 0
                ? ", version " + plan.path("activeVersion").asInt() + " in force"
                : "")
            + (plan.has("pendingVersion")
                ? ", version " + plan.path("pendingVersion").asInt() + " awaits your approval"
                : ""));
    if (plan.hasNonNull("statusReason")) {
      lines.addAll(Formats.wrap(plan.path("statusReason").asText(), "  "));
    }
    if (plan.has("version")) {
      lines.addAll(version(plan.path("version")));
    }
    return lines;
  }

  /** One version ({@code version} of a plan, or {@code GET /v1/plans/{id}/versions/{n}}). */
  static List<String> version(JsonNode version) {
    List<String> lines = new ArrayList<>();
    JsonNode reasoning = version.path("reasoning");
    JsonNode projection = version.path("projection");
    lines.add("");
    lines.add(
        "Version "
            + version.path("number").asInt()
            + ": strategy "
            + version.path("plan").path("strategy").asText("?")
            + ", score "
            + decimal(reasoning.path("score"))
            + ", success "
            + Formats.percent(projection.path("successProbability")));
    chosenReason(reasoning)
        .ifPresent(reason -> lines.addAll(Formats.wrap(reason, "  why: ", "       ")));
    lines.addAll(monthly(version.path("plan")));
    lines.addAll(steps(version.path("plan").path("steps")));
    lines.addAll(verification(version.path("verification")));
    lines.addAll(alternatives(reasoning.path("candidates")));
    lines.addAll(projection(projection));
    return lines;
  }

  private static Optional<String> chosenReason(JsonNode reasoning) {
    for (JsonNode candidate : reasoning.path("candidates")) {
      if ("CHOSEN".equals(candidate.path("status").asText())) {
        return Optional.of(candidate.path("reason").asText());
      }
    }
    return Optional.empty();
  }

  private static List<String> monthly(JsonNode plan) {
    List<String> lines = new ArrayList<>();
    if (plan.path("contributions").isEmpty() && plan.path("debtPayments").isEmpty()) {
      return lines;
    }
    lines.add("");
    lines.add("Each month:");
    for (JsonNode c : plan.path("contributions")) {
      lines.add(
          String.format(
              Locale.US,
              "  %-28s %14s",
              "to " + c.path("account").asText(),
              Formats.money(c.path("monthlyAmount"))));
    }
    for (JsonNode d : plan.path("debtPayments")) {
      lines.add(
          String.format(
              Locale.US,
              "  %-28s %14s  (payoff order %d)",
              "to " + d.path("debtName").asText(),
              Formats.money(d.path("monthlyAmount")),
              d.path("order").asInt()));
    }
    return lines;
  }

  private static List<String> steps(JsonNode steps) {
    List<String> lines = new ArrayList<>();
    if (steps.isEmpty()) {
      return lines;
    }
    lines.add("");
    lines.add("Steps:");
    for (JsonNode step : steps) {
      lines.addAll(
          Formats.wrap(
              step.path("action").asText(),
              "  " + step.path("date").asText() + "  ",
              "              "));
    }
    return lines;
  }

  static List<String> verification(JsonNode report) {
    List<String> lines = new ArrayList<>();
    if (report.isMissingNode() || report.isNull()) {
      return lines;
    }
    lines.add("");
    lines.add(
        "Verification: "
            + report.path("outcome").asText()
            + ", "
            + report.path("checksPassed").asInt()
            + " of "
            + report.path("checksRun").asInt()
            + " checks passed (tax year "
            + report.path("taxYear").asInt()
            + ")");
    for (JsonNode finding : report.path("findings")) {
      lines.add(
          "  "
              + finding.path("severity").asText()
              + " "
              + finding.path("code").asText()
              + (finding.path("source").has("key")
                  ? " [" + finding.path("source").path("key").asText() + "]"
                  : ""));
      lines.addAll(Formats.wrap(finding.path("message").asText(), "    "));
      if (finding.hasNonNull("remediation")) {
        lines.addAll(Formats.wrap("fix: " + finding.path("remediation").asText(), "    "));
      }
    }
    return lines;
  }

  private static List<String> alternatives(JsonNode candidates) {
    List<String> lines = new ArrayList<>();
    if (candidates.isEmpty()) {
      return lines;
    }
    lines.add("");
    lines.add("Strategies considered:");
    for (JsonNode c : candidates) {
      String status = c.path("status").asText().toLowerCase(Locale.ROOT);
      if ("pruned".equals(status)) {
        lines.add(String.format(Locale.US, "  %-14s %s", c.path("strategy").asText(), status));
        lines.addAll(Formats.wrap(c.path("reason").asText(), "      "));
      } else {
        lines.add(
            String.format(
                Locale.US,
                "  %-14s %-8s score %s  success %6s  %s",
                c.path("strategy").asText(),
                status,
                decimal(c.path("score")),
                Formats.percent(c.path("successProbability")),
                c.path("outcome").asText("")));
      }
    }
    return lines;
  }

  private static List<String> projection(JsonNode projection) {
    List<String> lines = new ArrayList<>();
    if (projection.isMissingNode() || projection.isNull()) {
      return lines;
    }
    lines.add("");
    lines.addAll(
        Formats.wrap(
            "Projection of '"
                + projection.path("goal").asText("the goal")
                + "': wealth in "
                + ("NOMINAL".equals(projection.path("reportBasis").asText())
                    ? "nominal dollars"
                    : "today's dollars")
                + " over "
                + projection.path("years").asInt()
                + " years, "
                + String.format(Locale.US, "%,d", projection.path("paths").asLong())
                + " paths ("
                + projection.path("model").asText()
                + "); success "
                + Formats.percent(projection.path("successProbability")),
            ""));
    lines.addAll(BandChart.render(projection));
    return lines;
  }

  private static String decimal(JsonNode value) {
    return value.isNumber() ? String.format(Locale.US, "%.3f", value.asDouble()) : "-";
  }
}
