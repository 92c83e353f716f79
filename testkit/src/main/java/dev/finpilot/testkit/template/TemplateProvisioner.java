package dev.finpilot.testkit.template;

import dev.finpilot.testkit.backend.AwsClients;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates on the emulator the tables, queues and secrets a template declares, dependencies first (a
 * dead-letter queue before the queue whose redrive policy names it), then resolves every function's
 * settings against them (an API Gateway v2 API, which the emulator does not host, is given a local
 * id so that settings naming it resolve). The template stays the one source of truth for tests and
 * the local runner.
 */
public final class TemplateProvisioner {

  private static final List<String> CREATED_TYPES =
      List.of(SamTemplate.TABLE, SamTemplate.QUEUE, SamTemplate.SECRET);

  private final TableProvisioner tables;
  private final QueueProvisioner queues;
  private final SecretProvisioner secrets;

  public TemplateProvisioner(AwsClients clients) {
    this.tables = new TableProvisioner(clients.dynamoDb());
    this.queues = new QueueProvisioner(clients.sqs());
    this.secrets = new SecretProvisioner(clients.secrets());
  }

  public ProvisionedStack provision(SamTemplate template, StackContext stack) {
    ResourceRegistry registry = new ResourceRegistry();
    Intrinsics intrinsics = new Intrinsics(template, stack, registry);
    Run run = new Run(template, stack, registry, intrinsics);
    for (String type : CREATED_TYPES) {
      for (String logicalId : template.logicalIds(type)) {
        run.ensure(logicalId);
      }
    }
    template.logicalIds(SamTemplate.API_V2).stream()
        .filter(run::exists)
        .forEach(id -> registry.register(id, LocalApis.placeholder(id, stack)));
    FunctionReader reader = new FunctionReader(template, intrinsics, registry);
    List<String> functionIds =
        template.logicalIds(SamTemplate.FUNCTION).stream().filter(run::exists).toList();
    functionIds.forEach(id -> reader.register(id, stack));
    Map<String, FunctionSpec> functions = new LinkedHashMap<>();
    functionIds.forEach(id -> functions.put(id, reader.read(id)));
    return new ProvisionedStack(stack, registry, functions);
  }

  /** One provisioning pass: remembers what is created and what is being created (cycles). */
  private final class Run {
    private final SamTemplate template;
    private final StackContext stack;
    private final ResourceRegistry registry;
    private final Intrinsics intrinsics;
    private final Set<String> inProgress = new HashSet<>();

    Run(
        SamTemplate template,
        StackContext stack,
        ResourceRegistry registry,
        Intrinsics intrinsics) {
      this.template = template;
      this.stack = stack;
      this.registry = registry;
      this.intrinsics = intrinsics;
    }

    boolean exists(String logicalId) {
      return template.condition(logicalId).map(intrinsics::condition).orElse(true);
    }

    void ensure(String logicalId) {
      if (registry.find(logicalId).isPresent() || !exists(logicalId)) {
        return;
      }
      if (!inProgress.add(logicalId)) {
        throw new TemplateException("Resources." + logicalId + " depends on itself");
      }
      Map<String, Object> raw = template.properties(logicalId);
      for (String name : References.of(raw)) {
        if (template.hasResource(name) && CREATED_TYPES.contains(template.type(name))) {
          ensure(name);
        }
      }
      String where = "Resources." + logicalId + ".Properties";
      Map<String, Object> props = Nodes.map(intrinsics.resolve(raw, where), where);
      registry.register(logicalId, create(logicalId, props));
      inProgress.remove(logicalId);
    }

    private PhysicalResource create(String logicalId, Map<String, Object> props) {
      return switch (template.type(logicalId)) {
        case SamTemplate.TABLE -> tables.create(logicalId, props, stack);
        case SamTemplate.QUEUE -> queues.create(logicalId, props, stack);
        case SamTemplate.SECRET -> secrets.create(logicalId, props, stack);
        default -> throw new IllegalStateException("not a created type: " + logicalId);
      };
    }
  }
}
