package dev.finpilot.functions.api;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanRepository;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.Transition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plan heads and versions in memory, with the conditional semantics of the DynamoDB store. */
final class InMemoryPlans implements PlanRepository {
  private final Map<String, PlanRecord> heads = new HashMap<>();
  private final List<Transition> applied = new ArrayList<>();
  private final Map<String, PlanVersion> versions = new HashMap<>();

  private RuntimeException failure;
  private RuntimeException transitionFailure;

  /** Every later call fails with {@code e}, as a store that is down would. */
  synchronized void breakWith(RuntimeException e) {
    failure = e;
  }

  /** Later transitions fail with {@code e}; reads and creates still work. */
  synchronized void breakTransitionsWith(RuntimeException e) {
    transitionFailure = e;
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
  public Optional<Envelope> commandAt(String planId, long revision) {
    throw unused();
  }

  @Override
  public synchronized boolean saveVersion(PlanVersion version) {
    return versions.putIfAbsent(key(version.planId(), version.version()), version) == null;
  }

  @Override
  public synchronized Optional<PlanVersion> findVersion(String planId, int version) {
    return Optional.ofNullable(versions.get(key(planId, version)));
  }

  @Override
  public void saveVerification(PlanVersion version) {
    throw unused();
  }

  @Override
  public synchronized List<PlanEvent> history(String planId) {
    return applied.stream()
        .filter(t -> t.updated().planId().equals(planId))
        .map(Transition::event)
        .toList();
  }

  /** Newest first by creation time, then id (as the ByUser index sorts); the cursor is an index. */
  @Override
  public synchronized Page<PlanRecord> listByUser(String userId, int limit, String cursor) {
    List<PlanRecord> mine =
        heads.values().stream()
            .filter(p -> p.userId().equals(userId))
            .sorted(
                java.util.Comparator.comparing(PlanRecord::createdAt)
                    .thenComparing(PlanRecord::planId)
                    .reversed())
            .toList();
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(from + limit, mine.size());
    return new Page<>(mine.subList(from, to), to < mine.size() ? Integer.toString(to) : null);
  }

  synchronized void clear() {
    failure = null;
    transitionFailure = null;
    heads.clear();
    applied.clear();
    versions.clear();
  }

  synchronized List<Transition> applied() {
    return List.copyOf(applied);
  }

  /** The API never resends commands or writes reports; a call here is a test's own mistake. */
  private static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not used by the API yet");
  }

  private static String key(String planId, long n) {
    return planId + "#" + n;
  }
}
