package dev.finpilot.template;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a function's Policies grant on each resource of the stack: the name of a policy template on
 * the resources its parameters name, and each action of an allowing statement on the resources the
 * statement names (directly or inside an ARN built with Sub).
 */
final class PolicyGrants {

  private PolicyGrants() {}

  static List<Object> policies(SamTemplate template, String function) {
    return Nodes.list(template.properties(function).getOrDefault("Policies", List.of()));
  }

  /** Resource logical id to the policy templates and actions granted on it, in template order. */
  static Map<String, List<String>> of(SamTemplate template, String function) {
    Map<String, List<String>> grants = new TreeMap<>();
    for (Object policy : policies(template, function)) {
      Nodes.map(policy)
          .forEach(
              (name, parameters) -> {
                if (name.equals("Statement")) {
                  Nodes.list(parameters).forEach(s -> addStatement(template, Nodes.map(s), grants));
                } else {
                  Nodes.map(parameters).values().stream()
                      .flatMap(value -> References.target(value).stream())
                      .forEach(resource -> add(grants, resource, name));
                }
              });
    }
    return grants;
  }

  /**
   * The same for an execution role after the SAM transform, whose policy templates have become
   * statements: what IAM will actually allow.
   */
  static Map<String, List<String>> ofRole(SamTemplate template, Map<String, Object> role) {
    Map<String, List<String>> grants = new TreeMap<>();
    for (Object policy : Nodes.list(role.getOrDefault("Policies", List.of()))) {
      Nodes.list(Nodes.mapAt(policy, "PolicyDocument").get("Statement"))
          .forEach(s -> addStatement(template, Nodes.map(s), grants));
    }
    return grants;
  }

  private static void addStatement(
      SamTemplate template, Map<String, Object> statement, Map<String, List<String>> grants) {
    if (!"Allow".equals(statement.get("Effect"))) {
      return;
    }
    for (String resource : References.of(statement.get("Resource"))) {
      if (template.hasResource(resource)) {
        for (Object action : Nodes.listOrSingle(statement.get("Action"))) {
          add(grants, resource, String.valueOf(action));
        }
      }
    }
  }

  private static void add(Map<String, List<String>> grants, String resource, String grant) {
    grants.computeIfAbsent(resource, r -> new ArrayList<>()).add(grant);
  }
}
