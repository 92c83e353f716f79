package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the API shows of one user's plan once the run has ended, judged: lost, stuck, final, and
 * whether anything was done twice.
 *
 * <ul>
 *   <li><b>lost</b>: accepted (202) but the API does not know the plan, or a reported life event
 *       that left no trace (the plan never took up its decision and stands ACTIVE as before);
 *   <li><b>stuck</b>: known but not final when the run's time was up (a review not ended counts);
 *   <li><b>duplicated</b>: a message that caused two transitions in the plan's history, more
 *       versions executed than were due (transitions EXECUTING→ACTIVE), or more of the plan's
 *       executions (or steps) in the owner's ledger than were due.
 * </ul>
 *
 * @param submitToActive from the plan's {@code createdAt} to its first transition to ACTIVE, both
 *     stamped by the server; empty if it never became ACTIVE
 */
record Verdict(
    int user,
    String planId,
    String status,
    boolean lost,
    boolean stuck,
    boolean failed,
    Optional<String> duplicated,
    Optional<Duration> submitToActive) {

  private static final int LEDGER_PAGE = 200;

  static Verdict judge(UserOutcome outcome, ApiClient api, Instant deadline) {
    String path = "/v1/plans/" + outcome.planId;
    ApiClient.Response planResponse = api.get("check-plan", path, outcome.session, deadline);
    if (planResponse.status() == 404) {
      return new Verdict(
          outcome.index,
          outcome.planId,
          "UNKNOWN",
          true,
          false,
          false,
          Optional.empty(),
          Optional.empty());
    }
    if (planResponse.status() != 200) {
      throw api.failed("check-plan", planResponse);
    }
    JsonNode plan = planResponse.json();
    String status = plan.path("status").asText();
    boolean lifeEventOpen =
        outcome.lifeEventTriggerId != null
            && !outcome.lifeEventTriggerId.equals(plan.path("review").path("triggerId").asText());
    boolean notFinal = !VirtualUser.FINAL.contains(status);
    boolean lost = lifeEventOpen && "ACTIVE".equals(status);
    boolean stuck = notFinal || (lifeEventOpen && !lost);

    JsonNode history =
        api.get("check-history", path + "/history", outcome.session, deadline).json();
    JsonNode transitions = history.path("transitions");
    Optional<String> duplicated = duplicatedTransitions(transitions, outcome);
    if (duplicated.isEmpty()) {
      duplicated = duplicatedPostings(outcome, api, deadline);
    }
    return new Verdict(
        outcome.index,
        outcome.planId,
        status,
        lost,
        stuck,
        "FAILED".equals(status) || "REJECTED".equals(status),
        duplicated,
        submitToActive(plan, transitions));
  }

  static Optional<String> duplicatedTransitions(JsonNode transitions, UserOutcome outcome) {
    Set<String> messages = new HashSet<>();
    int executed = 0;
    for (JsonNode t : transitions) {
      String messageId = t.path("messageId").asText("");
      if (!messageId.isEmpty() && !messages.add(messageId)) {
        return Optional.of("message " + messageId + " caused two transitions");
      }
      if ("EXECUTING".equals(t.path("from").asText()) && "ACTIVE".equals(t.path("to").asText())) {
        executed++;
      }
    }
    if (executed > outcome.activations) {
      return Optional.of(
          executed + " versions executed where " + outcome.activations + " were due");
    }
    return Optional.empty();
  }

  /**
   * The plan's executions standing in the owner's ledger: at most one per version due, each step
   * posted once.
   */
  private static Optional<String> duplicatedPostings(
      UserOutcome outcome, ApiClient api, Instant deadline) {
    Set<String> reversed = new HashSet<>();
    Map<String, String> originals = new HashMap<>();
    Map<String, Integer> steps = new HashMap<>();
    String cursor = null;
    do {
      String query =
          "/v1/ledger?limit="
              + LEDGER_PAGE
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      ApiClient.Response page = api.get("check-ledger", query, outcome.session, deadline);
      if (page.status() != 200) {
        throw api.failed("check-ledger", page);
      }
      JsonNode body = page.json();
      for (JsonNode transaction : body.path("transactions")) {
        String key = transaction.path("executionKey").asText();
        String reversalOf = transaction.path("reversalOf").asText("");
        if (!reversalOf.isEmpty()) {
          reversed.add(reversalOf);
        } else if (key.startsWith(outcome.planId + "#")) {
          originals.put(transaction.path("id").asText(), key);
          steps.merge(key + "/" + transaction.path("stepIndex").asInt(), 1, Integer::sum);
        }
      }
      cursor = body.path("nextCursor").asText(null);
    } while (cursor != null);
    // An execution stands while one of its transactions is not reversed: a compensated failure
    // or a month replaced by a newer version does not.
    Set<String> executions = new HashSet<>();
    originals.forEach(
        (id, key) -> {
          if (!reversed.contains(id)) {
            executions.add(key);
          }
        });
    if (executions.size() > outcome.activations) {
      return Optional.of(
          executions.size()
              + " executions stand in the ledger where "
              + outcome.activations
              + " were due");
    }
    return steps.entrySet().stream()
        .filter(e -> e.getValue() > 1)
        .findFirst()
        .map(e -> "step " + e.getKey() + " posted " + e.getValue() + " times");
  }

  private static Optional<Duration> submitToActive(JsonNode plan, JsonNode transitions) {
    Instant created = Instant.parse(plan.path("createdAt").asText());
    for (JsonNode t : transitions) {
      if ("ACTIVE".equals(t.path("to").asText())) {
        return Optional.of(Duration.between(created, Instant.parse(t.path("at").asText())));
      }
    }
    return Optional.empty();
  }
}
