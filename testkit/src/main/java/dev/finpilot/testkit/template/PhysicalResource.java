package dev.finpilot.testkit.template;

import java.util.Map;

/**
 * A resource created on the emulator, as CloudFormation would describe it: what {@code Ref} returns
 * (queue URL, table name, secret ARN, function name) and the attributes {@code Fn::GetAtt} can
 * read.
 */
public record PhysicalResource(String type, String ref, Map<String, String> attributes) {

  public PhysicalResource {
    attributes = Map.copyOf(attributes);
  }

  /** The ARN attribute most resources expose. */
  public String arn() {
    return attributes.getOrDefault("Arn", ref);
  }
}
