package dev.finpilot.testkit.template;

import java.util.Map;

/**
 * What {@link TemplateProvisioner} created for one template: the physical resources by logical id
 * and every function's resolved settings.
 */
public record ProvisionedStack(
    StackContext stack, ResourceRegistry resources, Map<String, FunctionSpec> functions) {

  public ProvisionedStack {
    functions = Map.copyOf(functions);
  }

  public FunctionSpec function(String logicalId) {
    FunctionSpec function = functions.get(logicalId);
    if (function == null) {
      throw new IllegalArgumentException(
          "No " + SamTemplate.FUNCTION + " '" + logicalId + "'; there are " + functions.keySet());
    }
    return function;
  }
}
