package dev.finpilot.plans;

import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.messaging.Envelope;
import java.util.List;
import java.util.Optional;

/** Persistence of plans: heads with optimistic locking, versions, and history. */
public interface PlanRepository {

  /** Stores a new plan; false if the id is taken. */
  boolean create(PlanRecord plan);

  Optional<PlanRecord> find(String planId);

  /**
   * Applies the transition if the stored revision is still {@code updated.revision() - 1}.
   *
   * @return false when another writer (or an earlier delivery) got there first
   */
  boolean apply(Transition transition);

  /** The command stored with the transition that produced {@code revision}, for resending. */
  Optional<Envelope> commandAt(String planId, long revision);

  /** Stores a version once; false if that version already exists. */
  boolean saveVersion(PlanVersion version);

  Optional<PlanVersion> findVersion(String planId, int version);

  /** Attaches a verification report; a report already present is kept (first writer wins). */
  void saveVerification(PlanVersion version);

  List<PlanEvent> history(String planId);

  /**
   * The user's plans, newest first, one page at a time.
   *
   * @param cursor {@code null} for the newest plans, else the {@link Page#nextCursor()} of the
   *     previous page of the same user
   * @throws InvalidCursorException if {@code cursor} is not one this store made
   */
  Page<PlanRecord> listByUser(String userId, int limit, String cursor);

  /**
   * The plans that are ACTIVE, one page at a time, in no particular order. A plan is listed while
   * its head says ACTIVE; one under review (or otherwise not ACTIVE) is not.
   *
   * @param cursor {@code null} for the first page, else the {@link Page#nextCursor()} of the
   *     previous page
   * @throws InvalidCursorException if {@code cursor} is not one this store made
   */
  Page<ActivePlan> activePlans(int limit, String cursor);

  record Page<T>(List<T> items, String nextCursor) {}
}
