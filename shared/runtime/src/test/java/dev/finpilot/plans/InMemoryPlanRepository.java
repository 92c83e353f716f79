package dev.finpilot.plans;

import dev.finpilot.messaging.Envelope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A test double with the same conditional semantics as the DynamoDB repository. */
public final class InMemoryPlanRepository implements PlanRepository {
  private final Map<String, PlanRecord> heads = new HashMap<>();
  private final Map<String, Transition> transitions = new HashMap<>();
  private final Map<String, PlanVersion> versions = new HashMap<>();

  @Override
  public synchronized boolean create(PlanRecord plan) {
    return heads.putIfAbsent(plan.planId(), plan) == null;
  }

  @Override
  public synchronized Optional<PlanRecord> find(String planId) {
    return Optional.ofNullable(heads.get(planId));
  }

  @Override
  public synchronized boolean apply(Transition transition) {
    PlanRecord stored = heads.get(transition.updated().planId());
    if (stored == null || stored.revision() != transition.updated().revision() - 1) {
      return false;
    }
    heads.put(stored.planId(), transition.updated());
    transitions.put(stored.planId() + "#" + transition.updated().revision(), transition);
    return true;
  }

  @Override
  public synchronized Optional<Envelope> commandAt(String planId, long revision) {
    return Optional.ofNullable(transitions.get(planId + "#" + revision)).map(Transition::command);
  }

  @Override
  public synchronized boolean saveVersion(PlanVersion version) {
    return versions.putIfAbsent(version.planId() + "#" + version.version(), version) == null;
  }

  @Override
  public synchronized Optional<PlanVersion> findVersion(String planId, int version) {
    return Optional.ofNullable(versions.get(planId + "#" + version));
  }

  @Override
  public synchronized void saveVerification(PlanVersion version) {
    String key = version.planId() + "#" + version.version();
    PlanVersion stored = versions.get(key);
    if (stored != null && stored.verification() == null) {
      versions.put(key, stored.withVerification(version.verification()));
    }
  }

  @Override
  public synchronized List<PlanEvent> history(String planId) {
    return transitions.values().stream()
        .map(Transition::event)
        .filter(e -> e.planId().equals(planId))
        .sorted(Comparator.comparingLong(PlanEvent::revision))
        .toList();
  }

  @Override
  public synchronized Page<PlanRecord> listByUser(String userId, int limit, String cursor) {
    List<PlanRecord> mine = new ArrayList<>();
    heads.values().stream()
        .filter(p -> p.userId().equals(userId))
        .sorted(Comparator.comparing(PlanRecord::createdAt).reversed())
        .forEach(mine::add);
    int from = cursor == null ? 0 : Integer.parseInt(cursor);
    int to = Math.min(mine.size(), from + limit);
    return new Page<>(mine.subList(from, to), to < mine.size() ? Integer.toString(to) : null);
  }
}
