package dev.finpilot.testkit.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A parsed SAM/CloudFormation template: read-only views of its sections and resources. */
public final class SamTemplate {

  public static final String FUNCTION = "AWS::Serverless::Function";
  public static final String QUEUE = "AWS::SQS::Queue";
  public static final String TABLE = "AWS::DynamoDB::Table";
  public static final String SECRET = "AWS::SecretsManager::Secret";
  public static final String API_V2 = "AWS::ApiGatewayV2::Api";
  public static final String ALARM = "AWS::CloudWatch::Alarm";

  /** Lambda's timeout when neither the function nor Globals sets one. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 3;

  /** SQS's visibility timeout when the queue does not set one. */
  public static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

  private final Map<String, Object> root;
  private final String source;

  private SamTemplate(Map<String, Object> root, String source) {
    this.root = root;
    this.source = source;
  }

  public static SamTemplate parse(String yaml, String source) {
    try {
      return new SamTemplate(CfnYaml.parse(yaml), source);
    } catch (RuntimeException e) {
      throw new TemplateException(source + ": " + e.getMessage(), e);
    }
  }

  public static SamTemplate read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template " + file, e);
    }
  }

  /** Reads a template from the class path, e.g. a test template under src/test/resources. */
  public static SamTemplate fromClasspath(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new TemplateException("No template on the class path at '" + name + "'");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + name);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read template classpath:" + name, e);
    }
  }

  /** Where the template came from, for error messages. */
  public String source() {
    return source;
  }

  /** A top-level section such as Parameters, Mappings, Conditions or Resources; empty if absent. */
  public Map<String, Object> section(String name) {
    return Nodes.optionalMap(root.get(name), name);
  }

  public boolean hasResource(String logicalId) {
    return section("Resources").containsKey(logicalId);
  }

  /** Logical ids of every resource of the given type, in template order. */
  public List<String> logicalIds(String type) {
    return section("Resources").keySet().stream().filter(id -> type(id).equals(type)).toList();
  }

  public String type(String logicalId) {
    return Nodes.text(resource(logicalId).get("Type"), "Resources." + logicalId + ".Type");
  }

  public Map<String, Object> properties(String logicalId) {
    return Nodes.optionalMap(
        resource(logicalId).get("Properties"), "Resources." + logicalId + ".Properties");
  }

  /** The name of the condition a resource is created under, if any. */
  public Optional<String> condition(String logicalId) {
    Object condition = resource(logicalId).get("Condition");
    return Optional.ofNullable(condition)
        .map(c -> Nodes.text(c, "Resources." + logicalId + ".Condition"));
  }

  /** {@code Globals.Function}: defaults every serverless function inherits. */
  public Map<String, Object> functionGlobals() {
    return Nodes.optionalMap(section("Globals").get("Function"), "Globals.Function");
  }

  /** A function's properties with Globals merged in as the SAM transform merges them. */
  public Map<String, Object> functionProperties(String logicalId) {
    return Nodes.map(
        SamGlobals.merge(functionGlobals(), properties(logicalId)),
        "Resources." + logicalId + ".Properties");
  }

  /** A function's environment variables, unresolved, Globals merged in. */
  public Map<String, Object> environment(String functionId) {
    return Nodes.mapAt(functionProperties(functionId), "Environment", "Variables");
  }

  /** The function's timeout in seconds as written, or Lambda's default. */
  public int functionTimeout(String functionId) {
    Object timeout = functionProperties(functionId).get("Timeout");
    return timeout == null
        ? DEFAULT_TIMEOUT_SECONDS
        : Nodes.integer(timeout, "Resources." + functionId + ".Properties.Timeout");
  }

  /** The function's events of one SAM event type (SQS, HttpApi, ...): name to properties. */
  public Map<String, Map<String, Object>> events(String functionId, String eventType) {
    String where = "Resources." + functionId + ".Properties.Events";
    Map<String, Map<String, Object>> events = new LinkedHashMap<>();
    Nodes.optionalMap(functionProperties(functionId).get("Events"), where)
        .forEach(
            (name, value) -> {
              Map<String, Object> event = Nodes.map(value, where + "." + name);
              if (eventType.equals(event.get("Type"))) {
                events.put(
                    name,
                    Nodes.optionalMap(event.get("Properties"), where + "." + name + ".Properties"));
              }
            });
    return events;
  }

  /** The queue an SQS-triggered function consumes; empty for functions without an SQS event. */
  public Optional<String> triggerQueue(String functionId) {
    return events(functionId, "SQS").values().stream()
        .findFirst()
        .flatMap(e -> References.target(e.get("Queue")));
  }

  public int visibilityTimeout(String queueId) {
    Object timeout = properties(queueId).get("VisibilityTimeout");
    return timeout == null
        ? DEFAULT_VISIBILITY_TIMEOUT_SECONDS
        : Nodes.integer(timeout, "Resources." + queueId + ".Properties.VisibilityTimeout");
  }

  /** The logical id the queue's RedrivePolicy sends dead letters to. */
  public Optional<String> deadLetterQueue(String queueId) {
    return Nodes.at(properties(queueId), "RedrivePolicy", "deadLetterTargetArn")
        .flatMap(References::target);
  }

  /** Logical ids a Ref or GetAtt may name: resources and parameters. */
  public Set<String> referenceableIds() {
    Set<String> ids = new TreeSet<>(section("Resources").keySet());
    ids.addAll(section("Parameters").keySet());
    return ids;
  }

  /**
   * Every value a {@code FindInMap [Map, !Ref Parameter, Key]} takes: one per allowed value of the
   * parameter, so a check covers every stage rather than the default one.
   */
  public List<Object> findInMapValues(Object findInMap) {
    String where = "Fn::FindInMap";
    List<Object> args = Nodes.list(Nodes.map(findInMap, where).get(where), where);
    Map<String, Object> mapping = Nodes.mapAt(section("Mappings"), Nodes.text(args.get(0), where));
    String parameter =
        References.target(args.get(1))
            .orElseThrow(() -> new TemplateException(where + ": expected !Ref of a parameter"));
    List<Object> values = new ArrayList<>();
    for (Object allowed :
        Nodes.list(Nodes.mapAt(section("Parameters"), parameter).get("AllowedValues"), where)) {
      values.add(
          Nodes.mapAt(mapping, Nodes.text(allowed, where)).get(Nodes.text(args.get(2), where)));
    }
    return values;
  }

  /** A resource as written: Type, Properties, DeletionPolicy, Condition, ... */
  public Map<String, Object> resource(String logicalId) {
    Object resource = section("Resources").get(logicalId);
    if (resource == null) {
      throw new TemplateException(
          source + ": no resource '" + logicalId + "' (has " + section("Resources").keySet() + ")");
    }
    return Nodes.map(resource, "Resources." + logicalId);
  }
}
