package dev.finpilot.aws;

import dev.finpilot.auth.Authenticator;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.execution.FirstMonthPostings;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.planning.Planner;
import dev.finpilot.planning.PlanningOptions;
import dev.finpilot.planning.PlanningResult;
import dev.finpilot.plans.PlanRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming of one function: real code paths run once before Lambda takes the snapshot, so
 * the snapshot already holds the classes they load and initialise (Jackson's serializers, the SDK's
 * request pipeline, the engines), which a restored environment would otherwise load on its first
 * request.
 *
 * <p>Every path leaves no state behind: it reads, or works on objects it throws away. A path may
 * fail (at snapshot time a read may find no item, or the emulator may be away in a test); the
 * failure is logged and the others still run, since a snapshot without one path's classes is
 * slower, not wrong.
 */
public final class Priming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(Priming.class);

  /** Monte Carlo paths of the priming projection: enough to run every loop, cheap at INIT. */
  static final int PROJECTION_PATHS = 200;

  /** No plan has this id (plan ids are UUIDs): reading it finds nothing and changes nothing. */
  static final String NO_SUCH_PLAN = "snapstart-priming";

  /** A single 35-year-old saving for retirement, with a card balance and an employer match. */
  private static final String HOUSEHOLD = "priming-household.json";

  private final String function;
  private final List<Runnable> paths;

  private Priming(String function, List<Runnable> paths) {
    this.function = function;
    this.paths = List.copyOf(paths);
  }

  /**
   * The paths of {@code function}, registered to run before a checkpoint. The caller keeps the
   * returned object as long as the handler lives: the CRaC context holds its resources weakly.
   */
  public static Priming register(String function, List<Runnable> paths) {
    Priming priming = new Priming(function, paths);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    int completed = run();
    LOG.info("{} primed {} of {} paths before the snapshot", function, completed, paths.size());
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: the paths keep no connection, credential or time of their own.
  }

  /** Runs every path once; returns how many completed without an exception. */
  public int run() {
    int completed = 0;
    for (Runnable path : paths) {
      try {
        path.run();
        completed++;
      } catch (RuntimeException e) {
        LOG.info("{}: a priming path failed, the snapshot goes on without it: {}", function, e);
      }
    }
    return completed;
  }

  /**
   * Reads a plan that does not exist: the plans table's read path (SDK client, request, mapping).
   */
  public static Runnable planLookup(PlanRepository plans) {
    return () -> plans.find(NO_SUCH_PLAN);
  }

  /** Writes and reads a message envelope as the bus and the batch processor do. */
  public static Runnable envelopeRoundTrip() {
    return () -> {
      // Fixed ids: nothing random is drawn before the snapshot, which every restore shares.
      Envelope envelope =
          new Envelope(
              NO_SUCH_PLAN,
              MessageType.GENERATE_PLAN,
              NO_SUCH_PLAN,
              1,
              NO_SUCH_PLAN,
              Json.mapper().valueToTree(Map.of("round", 1)),
              Instant.EPOCH,
              Envelope.SCHEMA_VERSION);
      Json.read(Json.write(envelope), Envelope.class);
    };
  }

  /**
   * Plans a sample household with a small projection: the strategy search, the Monte Carlo
   * projection, the verification of each candidate and the ledger steps of the chosen plan's first
   * month (made, not posted).
   */
  public static Runnable projection() {
    return () -> {
      PlanningRequest request = household();
      PlanningResult result =
          new Planner().plan(request, PlanningOptions.defaults().withPaths(PROJECTION_PATHS));
      if (result.plan() != null) {
        FirstMonthPostings.of(result.plan(), request.taxYear());
      }
    };
  }

  /** The embedded historical market snapshot, the offline source of every plan's assumptions. */
  public static Runnable historicalMarket() {
    return MarketSnapshot::historical;
  }

  /**
   * Checks a well-formed token with a signature no key made: parsing, the signing keys' read and
   * the refusal, with no session touched.
   */
  public static Runnable tokenCheck(Authenticator authenticator) {
    return () -> {
      try {
        authenticator.authenticate(UNSIGNED_TOKEN);
      } catch (RuntimeException refused) {
        // The refusal is the path being primed.
      }
    };
  }

  /** {"alg":"HS256","typ":"JWT"}.{"sub":"snapstart-priming","exp":1}.(no valid signature) */
  static final String UNSIGNED_TOKEN =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
          + ".eyJzdWIiOiJzbmFwc3RhcnQtcHJpbWluZyIsImV4cCI6MX0"
          + ".c25hcHN0YXJ0LXByaW1pbmctbm90LWEtc2lnbmF0dXJl";

  static PlanningRequest household() {
    try (InputStream in = Priming.class.getResourceAsStream(HOUSEHOLD)) {
      if (in == null) {
        throw new IllegalStateException(HOUSEHOLD + " is missing from the runtime jar");
      }
      return Json.mapper().readValue(in, PlanningRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
