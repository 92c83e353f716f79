package dev.finpilot.plans;

import dev.finpilot.domain.InvalidCursorException;
import dev.finpilot.messaging.Envelope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans in memory, with the conditional semantics of the DynamoDB store, for the tests of every
 * module. It can be broken on purpose, as a store that is down would be.
 */
public final class InMemoryPlanRepository implements PlanRepository {
  private final Map<String, PlanRecord> heads = new HashMap<>();
  private final List<Transition> applied = new ArrayList<>();
  private final Map<String, PlanVersion> versions = new HashMap<>();

  private RuntimeException failure;
  private RuntimeException transitionFailure;

  /** Every later call fails with {@code e}. */
  public synchronized void breakWith(RuntimeException e) {
    failure = e;
  }

  /** Later transitions fail with {@code e}; reads and creates still work. */
  public synchronized void breakTransitionsWith(RuntimeException e) {
    transitionFailure = e;
  }

  /** Forgets every plan and mends the store. */
  public synchronized void clear() {
    failure = null;
    transitionFailure = null;
    heads.clear();
    applied.clear();
    versions.clear();
  }

  /**
   * Makes {@code plan} the stored head, whatever was stored: a test's shortcut past the workflow.
   */
  public synchronized void put(PlanRecord plan) {
    heads.put(plan.planId(), plan);
  }

  /** Every transition applied, in order. */
  public synchronized List<Transition> applied() {
    return List.copyOf(applied);
  }

  private void failIfBroken() {
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public synchronized boolean create(PlanRecord plan) {
    failIfBroken();
    return heads.putIfAbsent(plan.planId(), plan) == null;
  }

  @Override
  public synchronized Optional<PlanRecord> find(String planId) {
    failIfBroken();
    return Optional.ofNullable(heads.get(planId));
  }

  @Override
  public synchronized boolean apply(Transition transition) {
    failIfBroken();
    if (transitionFailure != null) {
      throw transitionFailure;
    }
    PlanRecord stored = heads.get(transition.updated().planId());
    if (stored == null || stored.revision() != transition.updated().revision() - 1) {
      return false;
    }
    heads.put(stored.planId(), transition.updated());
    applied.add(transition);
    return true;
  }

  @Override
  public synchronized Optional<Envelope> commandAt(String planId, long revision) {
    failIfBroken();
    return applied.stream()
        .filter(t -> t.updated().planId().equals(planId) && t.updated().revision() == revision)
        .findFirst()
        .map(Transition::command);
  }

  @Override
  public synchronized boolean saveVersion(PlanVersion version) {
    failIfBroken();
    return versions.putIfAbsent(key(version.planId(), version.version()), version) == null;
  }

  @Override
  public synchronized Optional<PlanVersion> findVersion(String planId, int version) {
    failIfBroken();
    return Optional.ofNullable(versions.get(key(planId, version)));
  }

  @Override
  public synchronized void saveVerification(PlanVersion version) {
    failIfBroken();
    String key = key(version.planId(), version.version());
    PlanVersion stored = versions.get(key);
    if (stored != null && stored.verification() == null) {
      versions.put(key, stored.withVerification(version.verification()));
    }
  }

  @Override
  public synchronized List<PlanEvent> history(String planId) {
    failIfBroken();
    return applied.stream()
        .map(Transition::event)
        .filter(e -> e.planId().equals(planId))
        .sorted(Comparator.comparingLong(PlanEvent::revision))
        .toList();
  }

  /** Newest first by creation time, then id (as the ByUser index sorts); the cursor is an index. */
  @Override
  public synchronized Page<PlanRecord> listByUser(String userId, int limit, String cursor) {
    failIfBroken();
    List<PlanRecord> mine =
        heads.values().stream()
            .filter(p -> p.userId().equals(userId))
            .sorted(
                Comparator.comparing(PlanRecord::createdAt)
                    .thenComparing(PlanRecord::planId)
                    .reversed())
            .toList();
    int from = start(cursor, mine.size());
    int to = Math.min(from + limit, mine.size());
    return new Page<>(mine.subList(from, to), to < mine.size() ? Integer.toString(to) : null);
  }

  /** In plan id order; the cursor is an index, as for {@link #listByUser}. */
  @Override
  public synchronized Page<ActivePlan> activePlans(int limit, String cursor) {
    failIfBroken();
    List<ActivePlan> active =
        heads.values().stream()
            .filter(p -> p.status() == PlanStatus.ACTIVE)
            .sorted(Comparator.comparing(PlanRecord::planId))
            .map(p -> new ActivePlan(p.planId(), p.userId(), p.activeVersion()))
            .toList();
    int from = start(cursor, active.size());
    int to = Math.min(from + limit, active.size());
    return new Page<>(active.subList(from, to), to < active.size() ? Integer.toString(to) : null);
  }

  private static int start(String cursor, int size) {
    if (cursor == null) {
      return 0;
    }
    try {
      int from = Integer.parseInt(cursor);
      if (from >= 0 && from <= size) {
        return from;
      }
    } catch (NumberFormatException e) {
      // reported below, as for a number out of range
    }
    throw new InvalidCursorException();
  }

  private static String key(String planId, int version) {
    return planId + "#" + version;
  }
}
