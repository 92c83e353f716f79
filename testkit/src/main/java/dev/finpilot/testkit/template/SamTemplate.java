package dev.finpilot.testkit.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed SAM/CloudFormation template: read-only views of its sections and resources. */
public final class SamTemplate {

  public static final String FUNCTION = "AWS::Serverless::Function";
  public static final String QUEUE = "AWS::SQS::Queue";
  public static final String TABLE = "AWS::DynamoDB::Table";
  public static final String SECRET = "AWS::SecretsManager::Secret";
  public static final String API_V2 = "AWS::ApiGatewayV2::Api";

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

  private Map<String, Object> resource(String logicalId) {
    Object resource = section("Resources").get(logicalId);
    if (resource == null) {
      throw new TemplateException(
          source + ": no resource '" + logicalId + "' (has " + section("Resources").keySet() + ")");
    }
    return Nodes.map(resource, "Resources." + logicalId);
  }
}
