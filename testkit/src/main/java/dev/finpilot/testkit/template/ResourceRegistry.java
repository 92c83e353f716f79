package dev.finpilot.testkit.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Logical id to the physical resource created for it, filled in as provisioning proceeds. */
public final class ResourceRegistry {

  private final Map<String, PhysicalResource> resources = new LinkedHashMap<>();

  void register(String logicalId, PhysicalResource resource) {
    resources.put(logicalId, resource);
  }

  public Optional<PhysicalResource> find(String logicalId) {
    return Optional.ofNullable(resources.get(logicalId));
  }

  /** The resource of the given type, or an error listing the ids of that type that do exist. */
  public PhysicalResource get(String logicalId, String type) {
    PhysicalResource resource = resources.get(logicalId);
    if (resource == null || !resource.type().equals(type)) {
      throw new IllegalArgumentException(
          "No " + type + " '" + logicalId + "' was provisioned; there are " + idsOfType(type));
    }
    return resource;
  }

  /** The logical id of the resource with this ARN, e.g. the queue an event source points at. */
  public Optional<String> logicalIdByArn(String arn) {
    return resources.entrySet().stream()
        .filter(e -> e.getValue().arn().equals(arn))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  public Map<String, PhysicalResource> all() {
    return Collections.unmodifiableMap(resources);
  }

  private List<String> idsOfType(String type) {
    return resources.entrySet().stream()
        .filter(e -> e.getValue().type().equals(type))
        .map(Map.Entry::getKey)
        .toList();
  }
}
