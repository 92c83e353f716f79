package dev.finpilot.testkit.template;

import java.util.Map;

/**
 * What a deployment is called and where it runs: the values of the pseudo parameters and the
 * template parameters chosen for this run (overriding their defaults).
 */
public record StackContext(
    String stackName, String region, String accountId, Map<String, String> parameterValues) {

  public StackContext {
    parameterValues = Map.copyOf(parameterValues);
  }

  public StackContext(String stackName, String region, String accountId) {
    this(stackName, region, accountId, Map.of());
  }

  /** A physical name derived from the stack, for resources the template leaves unnamed. */
  public String physicalName(String logicalId) {
    return stackName + "-" + logicalId;
  }

  String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + accountId + ":" + resource;
  }
}
