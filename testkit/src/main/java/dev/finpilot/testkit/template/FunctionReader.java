package dev.finpilot.testkit.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads serverless functions: Globals merged under each function, intrinsics resolved. */
final class FunctionReader {

  private static final int DEFAULT_TIMEOUT_SECONDS = 3;
  private static final int DEFAULT_MEMORY_MB = 128;

  private final SamTemplate template;
  private final Intrinsics intrinsics;
  private final ResourceRegistry registry;

  FunctionReader(SamTemplate template, Intrinsics intrinsics, ResourceRegistry registry) {
    this.template = template;
    this.intrinsics = intrinsics;
    this.registry = registry;
  }

  /** Registers the function's name and ARN, so other resources and variables can refer to it. */
  void register(String logicalId, StackContext stack) {
    Map<String, Object> props = template.properties(logicalId);
    String name =
        props.containsKey("FunctionName")
            ? intrinsics.text(props.get("FunctionName"), where(logicalId) + ".FunctionName")
            : stack.physicalName(logicalId);
    String arn = stack.arn("lambda", "function:" + name);
    registry.register(
        logicalId, new PhysicalResource(SamTemplate.FUNCTION, name, Map.of("Arn", arn)));
  }

  FunctionSpec read(String logicalId) {
    String where = where(logicalId);
    Map<String, Object> globals = template.functionGlobals();
    Map<String, Object> props = template.properties(logicalId);
    PhysicalResource function = registry.get(logicalId, SamTemplate.FUNCTION);
    String handler = intrinsics.text(setting("Handler", props, globals), where + ".Handler");
    return new FunctionSpec(
        logicalId,
        function.ref(),
        function.arn(),
        handler,
        Duration.ofSeconds(number("Timeout", props, globals, DEFAULT_TIMEOUT_SECONDS, where)),
        number("MemorySize", props, globals, DEFAULT_MEMORY_MB, where),
        environment(props, globals, where),
        sqsEvents(props, where));
  }

  private Map<String, String> environment(
      Map<String, Object> props, Map<String, Object> globals, String where) {
    Map<String, Object> merged = new LinkedHashMap<>(variables(globals, "Globals.Function"));
    merged.putAll(variables(props, where));
    Map<String, String> resolved = new LinkedHashMap<>();
    merged.forEach(
        (name, value) -> {
          Object result = intrinsics.resolve(value, where + ".Environment.Variables." + name);
          if (result != null) {
            resolved.put(name, Nodes.text(result, where + ".Environment.Variables." + name));
          }
        });
    return resolved;
  }

  private static Map<String, Object> variables(Map<String, Object> owner, String where) {
    Map<String, Object> environment =
        Nodes.optionalMap(owner.get("Environment"), where + ".Environment");
    return Nodes.optionalMap(environment.get("Variables"), where + ".Environment.Variables");
  }

  private List<SqsEventSource> sqsEvents(Map<String, Object> props, String where) {
    List<SqsEventSource> sources = new ArrayList<>();
    Nodes.optionalMap(props.get("Events"), where + ".Events")
        .forEach(
            (name, value) -> {
              String at = where + ".Events." + name;
              Map<String, Object> event = Nodes.map(value, at);
              if ("SQS".equals(event.get("Type"))) {
                Map<String, Object> properties =
                    Nodes.map(intrinsics.resolve(event.get("Properties"), at), at + ".Properties");
                sources.add(sqsEvent(name, properties, at + ".Properties"));
              }
            });
    return sources;
  }

  private SqsEventSource sqsEvent(String name, Map<String, Object> props, String where) {
    String queueArn = Nodes.text(props.get("Queue"), where + ".Queue");
    String queueId =
        registry
            .logicalIdByArn(queueArn)
            .orElseThrow(
                () ->
                    new TemplateException(
                        where + ".Queue: '" + queueArn + "' is not a queue of this template"));
    PhysicalResource queue = registry.get(queueId, SamTemplate.QUEUE);
    List<Object> responseTypes =
        Nodes.optionalList(props.get("FunctionResponseTypes"), where + ".FunctionResponseTypes");
    Map<String, Object> scaling =
        Nodes.optionalMap(props.get("ScalingConfig"), where + ".ScalingConfig");
    return new SqsEventSource(
        name,
        queueId,
        queue.ref(),
        queueArn,
        optionalInt(props, "BatchSize", SqsEventSource.DEFAULT_BATCH_SIZE, where),
        Duration.ofSeconds(optionalInt(props, "MaximumBatchingWindowInSeconds", 0, where)),
        responseTypes.contains("ReportBatchItemFailures"),
        optionalInt(scaling, "MaximumConcurrency", 0, where + ".ScalingConfig"),
        !props.containsKey("Enabled") || Nodes.bool(props.get("Enabled"), where + ".Enabled"));
  }

  private static Object setting(
      String name, Map<String, Object> props, Map<String, Object> globals) {
    return props.containsKey(name) ? props.get(name) : globals.get(name);
  }

  private int number(
      String name,
      Map<String, Object> props,
      Map<String, Object> globals,
      int fallback,
      String where) {
    Object value = setting(name, props, globals);
    return value == null
        ? fallback
        : Nodes.integer(intrinsics.resolve(value, where), where + "." + name);
  }

  private static int optionalInt(
      Map<String, Object> props, String name, int fallback, String where) {
    return props.containsKey(name) ? Nodes.integer(props.get(name), where + "." + name) : fallback;
  }

  private static String where(String logicalId) {
    return "Resources." + logicalId + ".Properties";
  }
}
