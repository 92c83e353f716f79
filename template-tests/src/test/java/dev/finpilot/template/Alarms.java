package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.List;
import java.util.Map;

/** Finds the template's CloudWatch alarms on one resource's metric. */
final class Alarms {

  static final String TOPIC = "AlarmTopic";

  private Alarms() {}

  /**
   * Alarms in {@code namespace} with a dimension {@code dimension} that names {@code resourceId}
   * (by Ref, or GetAtt of its name).
   */
  static List<Map<String, Object>> on(
      SamTemplate template, String namespace, String dimension, String resourceId) {
    return template.logicalIds(SamTemplate.ALARM).stream()
        .map(template::properties)
        .filter(alarm -> namespace.equals(alarm.get("Namespace")))
        .filter(alarm -> hasDimension(alarm, dimension, resourceId))
        .toList();
  }

  static void assertNotifiesTopic(Map<String, Object> alarm) {
    assertThat(Nodes.list(alarm.get("AlarmActions")))
        .anySatisfy(action -> assertThat(References.isRef(action, TOPIC)).isTrue());
  }

  private static boolean hasDimension(Map<String, Object> alarm, String name, String resourceId) {
    return Nodes.list(alarm.getOrDefault("Dimensions", List.of())).stream()
        .map(Nodes::map)
        .anyMatch(
            d ->
                name.equals(d.get("Name"))
                    && References.target(d.get("Value")).filter(resourceId::equals).isPresent());
  }
}
