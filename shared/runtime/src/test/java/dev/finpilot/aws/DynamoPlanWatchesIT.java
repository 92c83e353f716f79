package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.agents.PlanWatch;
import dev.finpilot.monitoring.MarketEventType;
import dev.finpilot.monitoring.PlanBaseline;
import dev.finpilot.monitoring.TriggerSeverity;
import dev.finpilot.testkit.Environment;
import dev.finpilot.testkit.WithAwsBackend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The market monitor's watches in the template's plans table, beside the plans' heads. */
@WithAwsBackend
class DynamoPlanWatchesIT {

  private final DynamoPlanWatches watches;

  DynamoPlanWatchesIT(Environment env) {
    this.watches = new DynamoPlanWatches(env.dynamoDb(), env.tableName("PlansTable"));
  }

  @Test
  void watchesAreStoredAndFoundInBatchesAsTheyWere() {
    List<PlanWatch> many =
        IntStream.range(0, 130)
            .mapToObj(
                i ->
                    watch(
                        "watched-" + i,
                        i % 2 == 0
                            ? Map.of()
                            : Map.of(
                                MarketEventType.DRAWDOWN, TriggerSeverity.HIGH,
                                MarketEventType.RATE_MOVE, TriggerSeverity.LOW)))
            .toList();

    watches.saveAll(many);
    List<String> asked = new ArrayList<>(many.stream().map(PlanWatch::planId).toList());
    asked.add("never-watched");
    Map<String, PlanWatch> found = watches.find(asked);

    assertThat(found).hasSize(130).doesNotContainKey("never-watched");
    many.forEach(w -> assertThat(found.get(w.planId())).isEqualTo(w));
  }

  @Test
  void aSavedWatchReplacesThePlansEarlierOne() {
    watches.saveAll(
        List.of(watch("replaced", Map.of(MarketEventType.DRAWDOWN, TriggerSeverity.HIGH))));
    PlanWatch after = watch("replaced", Map.of());

    watches.saveAll(List.of(after));

    assertThat(watches.find(List.of("replaced"))).containsExactly(Map.entry("replaced", after));
    assertThat(watches.find(List.of())).isEmpty();
  }

  private static PlanWatch watch(String planId, Map<MarketEventType, TriggerSeverity> raised) {
    return new PlanWatch(
        planId,
        2,
        new PlanBaseline(planId, "SPY", LocalDate.of(2026, 3, 2), new BigDecimal("512.34")),
        raised);
  }
}
