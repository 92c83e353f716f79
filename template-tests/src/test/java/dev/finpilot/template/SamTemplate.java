package dev.finpilot.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed SAM template with the lookups the checks need. Function properties are returned with
 * {@code Globals.Function} merged in the way the SAM transform merges them, so a check sees what
 * the deployed function gets.
 */
final class SamTemplate {

  static final String FUNCTION = "AWS::Serverless::Function";
  static final String QUEUE = "AWS::SQS::Queue";
  static final String TABLE = "AWS::DynamoDB::Table";
  static final String ALARM = "AWS::CloudWatch::Alarm";

  /** Lambda's default when neither the function nor Globals sets a timeout. */
  private static final int DEFAULT_TIMEOUT_SECONDS = 3;

  /** SQS's default visibility timeout. */
  private static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

  private final Map<String, Object> root;

  private SamTemplate(Map<String, Object> root) {
    this.root = root;
  }

  static SamTemplate load(Path file) {
    return new SamTemplate(CfnYaml.load(file));
  }

  Map<String, Object> resources() {
    return Nodes.mapAt(root, "Resources");
  }

  Map<String, Object> parameters() {
    return Nodes.mapAt(root, "Parameters");
  }

  Map<String, Object> outputs() {
    return Nodes.mapAt(root, "Outputs");
  }

  Map<String, Object> globalFunction() {
    return Nodes.mapAt(root, "Globals", "Function");
  }

  boolean hasResource(String id) {
    return resources().containsKey(id);
  }

  String type(String id) {
    return String.valueOf(Nodes.mapAt(resources(), id).get("Type"));
  }

  Map<String, Object> resource(String id) {
    if (!hasResource(id)) {
      throw new IllegalArgumentException("no resource " + id + " in the template");
    }
    return Nodes.mapAt(resources(), id);
  }

  Map<String, Object> properties(String id) {
    return Nodes.mapAt(resource(id), "Properties");
  }

  List<String> idsOfType(String type) {
    List<String> ids = new ArrayList<>();
    resources()
        .forEach(
            (id, r) -> {
              if (type.equals(Nodes.map(r).get("Type"))) {
                ids.add(id);
              }
            });
    return ids;
  }

  List<String> functionIds() {
    return idsOfType(FUNCTION);
  }

  /** A function's properties with Globals.Function merged in (the function's values win). */
  Map<String, Object> functionProperties(String id) {
    return Nodes.map(Globals.merge(globalFunction(), properties(id)));
  }

  int functionTimeout(String id) {
    return Optional.ofNullable(functionProperties(id).get("Timeout"))
        .map(Nodes::integer)
        .orElse(DEFAULT_TIMEOUT_SECONDS);
  }

  Map<String, Object> environment(String id) {
    return Nodes.mapAt(functionProperties(id), "Environment", "Variables");
  }

  /** The function's events of one SAM event type (SQS, HttpApi, ...), by event name. */
  Map<String, Map<String, Object>> events(String functionId, String eventType) {
    Map<String, Map<String, Object>> events = new LinkedHashMap<>();
    Nodes.mapAt(functionProperties(functionId), "Events")
        .forEach(
            (name, event) -> {
              if (eventType.equals(Nodes.map(event).get("Type"))) {
                events.put(name, Nodes.mapAt(event, "Properties"));
              }
            });
    return events;
  }

  /** The queue an SQS-triggered function consumes; empty for functions without an SQS event. */
  Optional<String> triggerQueue(String functionId) {
    return events(functionId, "SQS").values().stream()
        .findFirst()
        .flatMap(e -> Nodes.target(e.get("Queue")));
  }

  int visibilityTimeout(String queueId) {
    return Optional.ofNullable(properties(queueId).get("VisibilityTimeout"))
        .map(Nodes::integer)
        .orElse(DEFAULT_VISIBILITY_TIMEOUT_SECONDS);
  }

  /** The logical id the queue's RedrivePolicy sends dead letters to. */
  Optional<String> deadLetterQueue(String queueId) {
    return Nodes.at(properties(queueId), "RedrivePolicy", "deadLetterTargetArn")
        .flatMap(Nodes::target);
  }

  /** Logical ids a reference may name: resources, parameters and pseudo parameters. */
  Set<String> referenceableIds() {
    Set<String> ids = new TreeSet<>(resources().keySet());
    ids.addAll(parameters().keySet());
    return ids;
  }

  /** Every value a FindInMap on {@code [map, !Ref Stage, key]} takes over the allowed stages. */
  List<Object> valuesPerStage(Object findInMap) {
    List<Object> args = Nodes.list(Nodes.map(findInMap).get("Fn::FindInMap"));
    Map<String, Object> mapping = Nodes.mapAt(root, "Mappings", String.valueOf(args.get(0)));
    String parameter = Nodes.target(args.get(1)).orElseThrow();
    List<Object> values = new ArrayList<>();
    for (Object stage : Nodes.list(Nodes.mapAt(parameters(), parameter).get("AllowedValues"))) {
      values.add(Nodes.mapAt(mapping, String.valueOf(stage)).get(String.valueOf(args.get(2))));
    }
    return values;
  }

  /** How the SAM transform merges Globals into a resource (samtranslator/plugins/globals). */
  static final class Globals {
    private Globals() {}

    static Object merge(Object global, Object local) {
      if (global instanceof Map<?, ?> g
          && local instanceof Map<?, ?> l
          && !isIntrinsic(g)
          && !isIntrinsic(l)) {
        Map<String, Object> merged = new LinkedHashMap<>(Nodes.map(g));
        Nodes.map(l).forEach((k, v) -> merged.merge(k, v, Globals::merge));
        return merged;
      }
      if (global instanceof List<?> g && local instanceof List<?> l) {
        List<Object> merged = new ArrayList<>(g);
        merged.addAll(l);
        return merged;
      }
      return local;
    }

    private static boolean isIntrinsic(Map<?, ?> node) {
      return node.size() == 1
          && node.keySet().iterator().next() instanceof String key
          && (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"));
    }
  }
}
