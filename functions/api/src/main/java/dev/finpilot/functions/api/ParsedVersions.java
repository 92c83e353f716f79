package dev.finpilot.functions.api;

import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The last plan versions the API read, parsed, so that a client polling its plan does not have the
 * same stored version (about 90 KB of JSON) read and parsed again on every poll.
 *
 * <p>Only a verified version is kept: the verification report is the one part of a stored version
 * written after it (once), so a verified version never changes. It is looked up only with a plan
 * head just read and checked against its caller, and the key holds that head's owner, creation time
 * and correlation id: a plan erased has no head to look it up with, and neither another user nor a
 * plan that might one day reuse the id can match an entry.
 */
final class ParsedVersions {
  static final int CAPACITY = 64;

  private record Key(
      String userId, String planId, Instant createdAt, String correlationId, int version) {}

  private final Map<Key, PlanVersion> recent =
      new LinkedHashMap<>(CAPACITY, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, PlanVersion> eldest) {
          return size() > CAPACITY;
        }
      };

  /** Version {@code number} of {@code plan}, from memory or else {@code stored}. */
  Optional<PlanVersion> get(PlanRecord plan, int number, Supplier<Optional<PlanVersion>> stored) {
    Key key = new Key(plan.userId(), plan.planId(), plan.createdAt(), plan.correlationId(), number);
    synchronized (recent) {
      PlanVersion kept = recent.get(key);
      if (kept != null) {
        return Optional.of(kept);
      }
    }
    Optional<PlanVersion> read = stored.get();
    read.filter(v -> v.verification() != null)
        .ifPresent(
            v -> {
              synchronized (recent) {
                recent.put(key, v);
              }
            });
    return read;
  }
}
