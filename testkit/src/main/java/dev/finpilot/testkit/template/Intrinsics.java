package dev.finpilot.testkit.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions and conditions against the resources created so far.
 *
 * <p>Values are maps, lists and strings as {@link CfnYaml} produces them. {@code Ref AWS::NoValue}
 * removes the surrounding entry, as CloudFormation does.
 */
public final class Intrinsics {

  private static final Object NO_VALUE = new Object();

  private final SamTemplate template;
  private final StackContext stack;
  private final ResourceRegistry registry;
  private final Map<String, Boolean> conditions = new LinkedHashMap<>();

  public Intrinsics(SamTemplate template, StackContext stack, ResourceRegistry registry) {
    this.template = template;
    this.stack = stack;
    this.registry = registry;
    for (String name : stack.parameterValues().keySet()) {
      if (!template.section("Parameters").containsKey(name)) {
        throw new TemplateException(
            "Parameter override '"
                + name
                + "' is not declared in "
                + template.source()
                + " (declared: "
                + template.section("Parameters").keySet()
                + ")");
      }
    }
  }

  /** Resolves every intrinsic inside {@code value}; the result holds only maps, lists, strings. */
  public Object resolve(Object value, String where) {
    Object resolved = resolveOrNoValue(value, where);
    return resolved == NO_VALUE ? null : resolved;
  }

  /** Resolves a value that must end up a plain string. */
  public String text(Object value, String where) {
    return Nodes.text(resolve(value, where), where);
  }

  /** Whether a resource or value guarded by this named condition exists in this deployment. */
  public boolean condition(String name) {
    Boolean known = conditions.get(name);
    if (known != null) {
      return known;
    }
    Object expression = template.section("Conditions").get(name);
    if (expression == null) {
      throw new TemplateException(
          "Unknown condition '"
              + name
              + "' (declared: "
              + template.section("Conditions").keySet()
              + ")");
    }
    boolean value = evaluate(expression, "Conditions." + name);
    conditions.put(name, value);
    return value;
  }

  private Object resolveOrNoValue(Object value, String where) {
    if (value instanceof Map<?, ?> raw) {
      Map<String, Object> map = Nodes.map(raw, where);
      if (map.size() == 1) {
        String key = map.keySet().iterator().next();
        if (key.equals("Ref") || key.startsWith("Fn::")) {
          return intrinsic(key, map.get(key), where);
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            Object resolved = resolveOrNoValue(v, where + "." + k);
            if (resolved != NO_VALUE) {
              out.put(k, resolved);
            }
          });
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        Object resolved = resolveOrNoValue(list.get(i), where + "[" + i + "]");
        if (resolved != NO_VALUE) {
          out.add(resolved);
        }
      }
      return out;
    }
    return value;
  }

  private Object intrinsic(String function, Object argument, String where) {
    String at = where + " (" + function + ")";
    return switch (function) {
      case "Ref" -> ref(Nodes.text(argument, at), at);
      case "Fn::GetAtt" -> getAtt(argument, at);
      case "Fn::Sub" -> sub(argument, at);
      case "Fn::Join" -> join(argument, at);
      case "Fn::Select" -> select(argument, at);
      case "Fn::Split" -> split(argument, at);
      case "Fn::If" -> ifThenElse(argument, at);
      case "Fn::FindInMap" -> findInMap(argument, at);
      case "Fn::Base64" ->
          Base64.getEncoder().encodeToString(text(argument, at).getBytes(StandardCharsets.UTF_8));
      case "Fn::GetAZs" -> List.of(stack.region() + "a", stack.region() + "b");
      case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or" ->
          String.valueOf(evaluate(Map.of(function, argument), where));
      default ->
          throw new TemplateException(
              at + ": the testkit cannot evaluate " + function + " offline");
    };
  }

  private Object ref(String name, String where) {
    if (name.startsWith("AWS::")) {
      return pseudoParameter(name, where);
    }
    Map<String, Object> parameters = template.section("Parameters");
    if (parameters.containsKey(name)) {
      return parameter(name, Nodes.optionalMap(parameters.get(name), "Parameters." + name));
    }
    return resource(name, where).ref();
  }

  private Object pseudoParameter(String name, String where) {
    return switch (name) {
      case "AWS::NoValue" -> NO_VALUE;
      case "AWS::StackName" -> stack.stackName();
      case "AWS::Region" -> stack.region();
      case "AWS::AccountId" -> stack.accountId();
      case "AWS::Partition" -> "aws";
      case "AWS::URLSuffix" -> "amazonaws.com";
      case "AWS::StackId" -> stack.arn("cloudformation", "stack/" + stack.stackName() + "/local");
      case "AWS::NotificationARNs" -> List.of();
      default -> throw new TemplateException(where + ": unknown pseudo parameter " + name);
    };
  }

  private Object parameter(String name, Map<String, Object> declaration) {
    Object value = stack.parameterValues().get(name);
    if (value == null) {
      value = declaration.get("Default");
    }
    if (value == null) {
      throw new TemplateException(
          "Parameter '" + name + "' has no Default; pass a value for it when provisioning");
    }
    Object type = declaration.get("Type");
    boolean isList =
        type instanceof String t && (t.equals("CommaDelimitedList") || t.startsWith("List<"));
    String text = Nodes.text(value, "Parameters." + name);
    return isList ? List.of(text.split(",", -1)) : text;
  }

  private Object getAtt(Object argument, String where) {
    List<String> parts;
    if (argument instanceof String dotted && dotted.contains(".")) {
      int dot = dotted.indexOf('.');
      parts = List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    } else {
      List<Object> list = Nodes.list(argument, where);
      if (list.size() != 2) {
        throw new TemplateException(where + ": expected [LogicalId, Attribute]");
      }
      parts = List.of(Nodes.text(list.get(0), where), text(list.get(1), where));
    }
    PhysicalResource resource = resource(parts.get(0), where);
    String value = resource.attributes().get(parts.get(1));
    if (value == null) {
      throw new TemplateException(
          where
              + ": "
              + resource.type()
              + " '"
              + parts.get(0)
              + "' has no attribute '"
              + parts.get(1)
              + "' in the testkit (has "
              + resource.attributes().keySet()
              + ")");
    }
    return value;
  }

  private PhysicalResource resource(String logicalId, String where) {
    return registry
        .find(logicalId)
        .orElseThrow(
            () ->
                new TemplateException(
                    where
                        + ": '"
                        + logicalId
                        + "' "
                        + (template.hasResource(logicalId)
                            ? "is a "
                                + template.type(logicalId)
                                + ", which the testkit does not"
                                + " create"
                            : "is neither a parameter nor a resource of " + template.source())));
  }

  private String sub(Object argument, String where) {
    String pattern;
    Map<String, Object> variables;
    if (argument instanceof List<?> list) {
      if (list.size() != 2) {
        throw new TemplateException(where + ": expected [String, {Variables}]");
      }
      pattern = Nodes.text(list.get(0), where);
      variables = Nodes.map(list.get(1), where);
    } else {
      pattern = Nodes.text(argument, where);
      variables = Map.of();
    }
    Matcher matcher = References.SUB_VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String replacement;
      if (name.startsWith("!")) {
        replacement = "${" + name.substring(1) + "}";
      } else if (variables.containsKey(name)) {
        replacement = text(variables.get(name), where + "." + name);
      } else if (name.contains(".")) {
        replacement = Nodes.text(getAtt(name, where), where);
      } else {
        replacement = Nodes.text(ref(name, where), where);
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String join(Object argument, String where) {
    List<Object> parts = twoArguments(argument, where);
    String delimiter = Nodes.text(parts.get(0), where);
    List<Object> values = Nodes.list(resolve(parts.get(1), where), where);
    List<String> texts = new ArrayList<>();
    for (Object value : values) {
      texts.add(Nodes.text(value, where));
    }
    return String.join(delimiter, texts);
  }

  private Object select(Object argument, String where) {
    List<Object> parts = twoArguments(argument, where);
    int index = Nodes.integer(resolve(parts.get(0), where), where);
    List<Object> values = Nodes.list(resolve(parts.get(1), where), where);
    if (index < 0 || index >= values.size()) {
      throw new TemplateException(
          where + ": index " + index + " outside a list of " + values.size());
    }
    return values.get(index);
  }

  private List<String> split(Object argument, String where) {
    List<Object> parts = twoArguments(argument, where);
    String delimiter = Nodes.text(parts.get(0), where);
    return List.of(text(parts.get(1), where).split(Pattern.quote(delimiter), -1));
  }

  private Object ifThenElse(Object argument, String where) {
    List<Object> parts = Nodes.list(argument, where);
    if (parts.size() != 3) {
      throw new TemplateException(where + ": expected [Condition, ValueIfTrue, ValueIfFalse]");
    }
    boolean chosen = condition(Nodes.text(parts.get(0), where));
    return resolveOrNoValue(parts.get(chosen ? 1 : 2), where);
  }

  private Object findInMap(Object argument, String where) {
    List<Object> parts = Nodes.list(argument, where);
    if (parts.size() != 3) {
      throw new TemplateException(where + ": expected [MapName, TopLevelKey, SecondLevelKey]");
    }
    String mapName = text(parts.get(0), where);
    String top = text(parts.get(1), where);
    String second = text(parts.get(2), where);
    Map<String, Object> mapping =
        Nodes.optionalMap(template.section("Mappings").get(mapName), "Mappings." + mapName);
    Map<String, Object> level =
        Nodes.optionalMap(mapping.get(top), "Mappings." + mapName + "." + top);
    Object value = level.get(second);
    if (value == null) {
      throw new TemplateException(
          where + ": Mappings." + mapName + "." + top + "." + second + " does not exist");
    }
    return resolve(value, where);
  }

  private boolean evaluate(Object expression, String where) {
    Map<String, Object> map = Nodes.map(expression, where);
    if (map.size() != 1) {
      throw new TemplateException(where + ": expected one condition function, found " + map);
    }
    String function = map.keySet().iterator().next();
    Object argument = map.get(function);
    return switch (function) {
      case "Condition" -> condition(Nodes.text(argument, where));
      case "Fn::Equals" -> {
        List<Object> pair = twoArguments(argument, where);
        yield Objects.equals(resolve(pair.get(0), where), resolve(pair.get(1), where));
      }
      case "Fn::Not" -> !evaluate(Nodes.list(argument, where).get(0), where);
      case "Fn::And" -> Nodes.list(argument, where).stream().allMatch(e -> evaluate(e, where));
      case "Fn::Or" -> Nodes.list(argument, where).stream().anyMatch(e -> evaluate(e, where));
      default ->
          throw new TemplateException(where + ": " + function + " is not a condition function");
    };
  }

  private static List<Object> twoArguments(Object argument, String where) {
    List<Object> parts = Nodes.list(argument, where);
    if (parts.size() != 2) {
      throw new TemplateException(where + ": expected two arguments, found " + parts.size());
    }
    return parts;
  }
}
