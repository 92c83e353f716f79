package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One user's session, as docs/api.md describes it: register, log in, submit a plan, follow it to a
 * final state (approving a first version held for approval, as its owner would), read it (plan,
 * version, history), and for some, report a life event and follow its review to the end (approving
 * the proposed version).
 */
final class VirtualUser implements Runnable {

  static final Set<String> FINAL = Set.of("ACTIVE", "REJECTED", "FAILED", "CANCELLED");
  static final String PASSWORD = "load test passphrase 0123";

  private static final Duration FIRST_POLL = Duration.ofMillis(250);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(3);

  /** With a live feed, how long a user waits for a push before reading the plan anyway. */
  private static final Duration FALLBACK_POLL = Duration.ofSeconds(30);

  /** A push of one of these may end a wait, so it is worth reading the plan; others are not. */
  private static final Set<String> WORTH_READING =
      Set.of("ACTIVE", "REJECTED", "FAILED", "CANCELLED", "AWAITING_APPROVAL");

  private final UserOutcome outcome;
  private final String runId;
  private final ObjectNode request;
  private final ObjectNode lifeEvent;
  private final ApiClient api;
  private final Instant deadline;
  private final Function<Session, PlanFeed> feeds;
  private PlanFeed feed = PlanFeed.none();

  /**
   * @param lifeEvent the life event to report once ACTIVE, or null for none
   * @param feeds opens the user's live feed once logged in ({@link PlanFeed#none} to poll)
   */
  VirtualUser(
      UserOutcome outcome,
      String runId,
      ObjectNode request,
      ObjectNode lifeEvent,
      ApiClient api,
      Instant deadline,
      Function<Session, PlanFeed> feeds) {
    this.outcome = outcome;
    this.runId = runId;
    this.request = request;
    this.lifeEvent = lifeEvent;
    this.api = api;
    this.deadline = deadline;
    this.feeds = feeds;
  }

  static String email(String runId, int index) {
    return "load-" + runId + "-" + index + "@example.com";
  }

  @Override
  public void run() {
    outcome.began = Instant.now();
    try {
      script();
    } catch (ApiClient.CallFailed e) {
      outcome.error = e.getMessage();
    } finally {
      feed.close();
      outcome.ended = Instant.now();
    }
  }

  private void script() {
    Session session = outcome.session;
    register(session);
    api.authenticate(
        "login",
        "/v1/auth/login",
        Json.write(Map.of("email", session.email, "password", PASSWORD)),
        session,
        deadline);
    // Before the submission, so that no step of the plan goes unannounced.
    feed = feeds.apply(session);

    outcome.submittedAt = Instant.now();
    ApiClient.Response accepted =
        api.post(
            "submit",
            "/v1/plans",
            Json.write(request),
            session,
            Map.of(
                "idempotency-key", runId + "-" + outcome.index,
                "x-correlation-id", "load-" + runId + "-" + outcome.index),
            deadline);
    if (accepted.status() != 202) {
      throw api.failed("submit", accepted);
    }
    String planId = accepted.json().path("planId").asText();
    outcome.planId = planId;

    JsonNode plan = followDecidingApprovals(p -> FINAL.contains(status(p)));
    if (!"ACTIVE".equals(status(plan))) {
      return;
    }
    outcome.activations = 1;
    read(plan);
    if (lifeEvent != null) {
      reportLifeEvent(planId);
    }
  }

  /**
   * Registers the user; a 409 means an earlier attempt whose answer was lost (a timeout) made the
   * account, and the login that follows proves it.
   */
  private void register(Session session) {
    String body =
        Json.write(
            Map.of(
                "email",
                session.email,
                "password",
                PASSWORD,
                "displayName",
                "User " + outcome.index));
    ApiClient.Response registered = api.register(body, session, deadline);
    if (registered.status() != 201 && registered.status() != 409) {
      throw api.failed("register", registered);
    }
  }

  private void read(JsonNode plan) {
    String path = "/v1/plans/" + outcome.planId;
    expectOk("read-plan", api.get("read-plan", path, outcome.session, deadline));
    int version = plan.path("activeVersion").asInt();
    expectOk(
        "read-version",
        api.get("read-version", path + "/versions/" + version, outcome.session, deadline));
    expectOk("read-history", api.get("read-history", path + "/history", outcome.session, deadline));
  }

  private void reportLifeEvent(String planId) {
    ApiClient.Response reported =
        api.post(
            "life-event",
            "/v1/plans/" + planId + "/life-events",
            Json.write(lifeEvent),
            outcome.session,
            Map.of(
                "idempotency-key", runId + "-" + outcome.index + "-life",
                "x-correlation-id", "load-" + runId + "-" + outcome.index + "-life"),
            deadline);
    if (reported.status() != 202) {
      throw api.failed("life-event", reported);
    }
    String triggerId = reported.json().path("review").path("triggerId").asText();
    outcome.lifeEventTriggerId = triggerId;
    int approvalsBefore = outcome.approvals;
    // The review has ended when the plan names this trigger's decision and stands ACTIVE again.
    JsonNode plan =
        followDecidingApprovals(
            p ->
                triggerId.equals(p.path("review").path("triggerId").asText())
                    && "ACTIVE".equals(status(p)));
    outcome.lifeEventFinal = triggerId.equals(plan.path("review").path("triggerId").asText());
    // Each approved version is executed once more; a review that ends otherwise executes none.
    outcome.activations += outcome.approvals - approvalsBefore;
  }

  /**
   * Follows the plan until {@code done}, approving each version that waits for its owner; returns
   * the last view, or the last one seen when the deadline passed.
   */
  private JsonNode followDecidingApprovals(Predicate<JsonNode> done) {
    int approved = 0;
    while (true) {
      int last = approved;
      // A view read just after an approval may still show that version waiting: wait for news.
      JsonNode plan = follow(p -> done.test(p) || pending(p) > last);
      if (done.test(plan) || pending(plan) <= last) {
        return plan;
      }
      approved = pending(plan);
      ApiClient.Response response =
          api.post(
              "approve",
              "/v1/plans/" + outcome.planId + "/versions/" + approved + "/approve",
              null,
              outcome.session,
              Map.of(),
              deadline);
      if (response.status() != 202) {
        throw api.failed("approve", response);
      }
      outcome.approvals++;
    }
  }

  /** The version awaiting its owner's approval, 0 when none does. */
  private static int pending(JsonNode plan) {
    return "AWAITING_APPROVAL".equals(status(plan)) ? plan.path("pendingVersion").asInt() : 0;
  }

  /**
   * Reads the plan until {@code until} holds or the deadline passes: after each push worth a read
   * while the feed is open, else polling with backoff.
   */
  private JsonNode follow(Predicate<JsonNode> until) {
    Duration wait = FIRST_POLL;
    while (true) {
      // Counted before the read: a push that lands during it is news, read again.
      int seen = feed.count(outcome.planId);
      ApiClient.Response response =
          api.get("poll", "/v1/plans/" + outcome.planId, outcome.session, deadline);
      expectOk("poll", response);
      JsonNode plan = response.json();
      outcome.status = status(plan);
      outcome.statusReason = plan.path("statusReason").asText(null);
      if (until.test(plan) || !Instant.now().isBefore(deadline)) {
        return plan;
      }
      if (feed.isOpen()) {
        if (awaitNews(seen)) {
          outcome.readsOnPush++;
        }
      } else {
        ApiClient.pause(wait, deadline);
        wait = wait.multipliedBy(3).dividedBy(2);
        wait = wait.compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : wait;
      }
    }
  }

  /**
   * Waits for a push worth a read, the fallback time, the deadline or the feed's end; whether a
   * push ended the wait.
   */
  private boolean awaitNews(int seen) {
    Instant fallback = Instant.now().plus(FALLBACK_POLL);
    Instant until = fallback.isBefore(deadline) ? fallback : deadline;
    int counted = seen;
    while (true) {
      Optional<PlanFeed.Pushes> news = feed.awaitBeyond(outcome.planId, counted, until);
      if (news.isEmpty()) {
        return false;
      }
      if (WORTH_READING.contains(news.get().status())) {
        return true;
      }
      counted = news.get().count();
    }
  }

  private void expectOk(String type, ApiClient.Response response) {
    if (response.status() != 200) {
      throw api.failed(type, response);
    }
  }

  private static String status(JsonNode plan) {
    return plan.path("status").asText();
  }
}
