package dev.finpilot.testkit.template;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads serverless functions: Globals merged under each function, intrinsics resolved. */
final class FunctionReader {

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
    Map<String, Object> props = template.functionProperties(logicalId);
    PhysicalResource function = registry.get(logicalId, SamTemplate.FUNCTION);
    return new FunctionSpec(
        logicalId,
        function.ref(),
        function.arn(),
        intrinsics.text(props.get("Handler"), where + ".Handler"),
        Duration.ofSeconds(number(props, "Timeout", SamTemplate.DEFAULT_TIMEOUT_SECONDS, where)),
        number(props, "MemorySize", DEFAULT_MEMORY_MB, where),
        environment(logicalId, where),
        sqsEvents(logicalId, where));
  }

  private Map<String, String> environment(String logicalId, String where) {
    Map<String, String> resolved = new LinkedHashMap<>();
    template
        .environment(logicalId)
        .forEach(
            (name, value) -> {
              Object result = intrinsics.resolve(value, where + ".Environment.Variables." + name);
              if (result != null) {
                resolved.put(name, Nodes.text(result, where + ".Environment.Variables." + name));
              }
            });
    return resolved;
  }

  private List<SqsEventSource> sqsEvents(String logicalId, String where) {
    List<SqsEventSource> sources = new ArrayList<>();
    template
        .events(logicalId, "SQS")
        .forEach(
            (name, properties) -> {
              String at = where + ".Events." + name + ".Properties";
              sources.add(sqsEvent(name, Nodes.map(intrinsics.resolve(properties, at), at), at));
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

  private int number(Map<String, Object> props, String name, int fallback, String where) {
    Object value = props.get(name);
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
