package dev.finpilot.retrieval.providers;

import dev.finpilot.retrieval.RequestBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request budgets in memory, windows aligned as in DynamoDB; records what was asked. */
public final class InMemoryRequestBudget implements RequestBudget {
  private final Map<String, Integer> taken = new HashMap<>();
  private final List<String> asked = new ArrayList<>();

  @Override
  public synchronized boolean tryTake(String budget, int limit, Duration window, Instant now) {
    asked.add(budget);
    long start = now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), window.toMillis());
    String key = budget + "#" + start;
    int count = taken.getOrDefault(key, 0);
    if (count >= limit) {
      return false;
    }
    taken.put(key, count + 1);
    return true;
  }

  /** The budgets asked, in order, whether granted or not. */
  public synchronized List<String> asked() {
    return List.copyOf(asked);
  }
}
