package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a plan until it settles, printing a line per workflow step with its time. Listens to the
 * WebSocket API when one answers and reads {@code GET /v1/plans/{id}/history} once a second when
 * none does; with a socket it still reads the history after a quiet spell, because pushes are a
 * courtesy the API may skip (a step is never missed, only learnt later).
 */
final class PlanFollower implements AutoCloseable {
  /** Where a plan waits for someone: the owner (AWAITING_APPROVAL) or nobody (final states). */
  static final Set<String> SETTLED =
      Set.of("ACTIVE", "AWAITING_APPROVAL", "REJECTED", "FAILED", "CANCELLED");

  static final Duration POLL_EVERY = Duration.ofSeconds(1);
  static final Duration QUIET = Duration.ofSeconds(3);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final ApiClient api;
  private final Optional<WebSocketFeed> feed;
  private final PrintWriter progress;
  private final Clock clock;
  private final Duration patience;
  private Instant previousStep;

  private PlanFollower(
      ApiClient api,
      Optional<WebSocketFeed> feed,
      PrintWriter progress,
      Clock clock,
      Duration patience) {
    this.api = api;
    this.feed = feed;
    this.progress = progress;
    this.clock = clock;
    this.patience = patience;
  }

  /**
   * Opens the live feed before the request that starts the steps, so none of them is pushed before
   * anyone listens; {@code websocket} empty means polling.
   */
  static PlanFollower open(
      ApiClient api,
      Optional<URI> websocket,
      PrintWriter progress,
      Clock clock,
      Duration patience) {
    Optional<WebSocketFeed> feed =
        websocket.flatMap(uri -> WebSocketFeed.connect(uri, api.accessToken()));
    if (feed.isPresent()) {
      progress.println("following live over " + websocket.get());
    } else {
      progress.println(
          "following by reading the plan's history every second"
              + websocket.map(uri -> " (no WebSocket answered at " + uri + ")").orElse(""));
    }
    return new PlanFollower(api, feed, progress, clock, patience);
  }

  /**
   * Waits until the plan settles after transition {@code afterRevision} (0 for a new plan, the
   * revision before the request for a change) and answers the status it settled in.
   */
  String settle(String planId, long afterRevision) throws InterruptedException {
    Instant deadline = clock.instant().plus(patience);
    long seen = afterRevision;
    while (clock.instant().isBefore(deadline)) {
      if (feed.isPresent() && feed.get().isOpen()) {
        JsonNode pushed = feed.get().next(QUIET);
        if (pushed != null) {
          if (planId.equals(pushed.path("planId").asText())
              && pushed.path("revision").asLong() > seen) {
            seen = pushed.path("revision").asLong();
            step(pushed.path("status").asText(), pushed);
            if (SETTLED.contains(pushed.path("status").asText())) {
              return pushed.path("status").asText();
            }
          }
          continue;
        }
      } else {
        Thread.sleep(POLL_EVERY.toMillis());
      }
      JsonNode history = api.get("/v1/plans/" + planId + "/history");
      for (JsonNode transition : history.path("transitions")) {
        if (transition.path("revision").asLong() > seen) {
          seen = transition.path("revision").asLong();
          step(transition.path("to").asText(), transition);
        }
      }
      String status = history.path("status").asText();
      if (seen > afterRevision && SETTLED.contains(status)) {
        return status;
      }
    }
    throw new CliFailure(
        ExitCodes.PLAN_NOT_AS_WANTED,
        "plan "
            + planId
            + " has not settled within "
            + patience.toMinutes()
            + " minutes; look again with `finpilot show "
            + planId
            + "`");
  }

  /** The last transition of the plan, so a follow after a change starts after it. */
  long revision(String planId) {
    long revision = 0;
    for (JsonNode transition : api.get("/v1/plans/" + planId + "/history").path("transitions")) {
      revision = Math.max(revision, transition.path("revision").asLong());
    }
    return revision;
  }

  private void step(String status, JsonNode event) {
    Instant at = Instant.parse(event.path("at").asText(clock.instant().toString()));
    StringBuilder line = new StringBuilder("  ").append(TIME.format(at)).append("  ");
    line.append(String.format(Locale.ROOT, "%-18s", status));
    if (event.path("version").asInt() > 0) {
      line.append(" version ").append(event.path("version").asInt());
    }
    if (previousStep != null) {
      line.append(
          String.format(
              Locale.ROOT, "  (+%.1f s)", Duration.between(previousStep, at).toMillis() / 1000.0));
    }
    previousStep = at;
    progress.println(line.toString().stripTrailing());
    if (event.hasNonNull("reason")) {
      Formats.wrap(event.path("reason").asText(), "      ").forEach(progress::println);
    }
    progress.flush();
  }

  @Override
  public void close() {
    feed.ifPresent(WebSocketFeed::close);
  }
}
