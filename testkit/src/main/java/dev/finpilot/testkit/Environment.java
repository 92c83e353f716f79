package dev.finpilot.testkit;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.finpilot.testkit.backend.AwsBackend;
import dev.finpilot.testkit.backend.AwsBackends;
import dev.finpilot.testkit.backend.AwsClients;
import dev.finpilot.testkit.backend.RestoredState;
import dev.finpilot.testkit.backend.SdkSettings;
import dev.finpilot.testkit.sqs.QueueProbe;
import dev.finpilot.testkit.sqs.SqsEventSourceMapping;
import dev.finpilot.testkit.template.FunctionSpec;
import dev.finpilot.testkit.template.ProvisionedStack;
import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.SqsEventSource;
import dev.finpilot.testkit.template.StackContext;
import dev.finpilot.testkit.template.TemplateProvisioner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A template deployed on the emulator: each function's environment variables (with this run's
 * {@link EnvironmentOverrides}), the physical names of queues, tables and secrets, SDK clients, and
 * pollers that feed queues to in-process handlers. Closing it stops the pollers it started; the
 * resources stay until the backend is reset.
 */
public final class Environment implements AutoCloseable {

  private final AwsBackend backend;
  private final AwsClients clients;
  private final ProvisionedStack stack;
  private final EnvironmentOverrides overrides;
  private final Optional<RestoredState> restored;
  private final List<SqsEventSourceMapping> pollers = new ArrayList<>();

  private Environment(
      AwsBackend backend,
      AwsClients clients,
      ProvisionedStack stack,
      EnvironmentOverrides overrides,
      Optional<RestoredState> restored) {
    this.backend = backend;
    this.clients = clients;
    this.stack = stack;
    this.overrides = overrides;
    this.restored = restored;
  }

  /**
   * Provisions a template on this JVM's shared backend (starting it if needed). Used by the JUnit
   * extension and by the local runner.
   *
   * @param parameters template parameter values overriding their defaults
   */
  public static Environment provision(
      SamTemplate template, String stackName, Map<String, String> parameters) {
    return provision(template, stackName, parameters, false);
  }

  /**
   * Like {@link #provision(SamTemplate, String, Map)}, keeping the stack's items and queued
   * messages in {@code stateDirectory} across runs (the local runner): what an earlier run kept
   * there is restored once the resources exist ({@link #restored()}). Must be the first use of the
   * backend in this JVM.
   */
  public static Environment provision(
      SamTemplate template, String stackName, Map<String, String> parameters, Path stateDirectory) {
    AwsBackends.keepStateIn(stateDirectory);
    return provision(template, stackName, parameters, true);
  }

  private static Environment provision(
      SamTemplate template, String stackName, Map<String, String> parameters, boolean restore) {
    AwsBackend backend = AwsBackends.shared();
    AwsClients clients = AwsBackends.clients();
    StackContext context =
        new StackContext(stackName, SdkSettings.region(), backend.accountId(), parameters);
    ProvisionedStack stack = new TemplateProvisioner(clients).provision(template, context);
    return new Environment(
        backend,
        clients,
        stack,
        EnvironmentOverrides.fromSystemProperties(),
        restore ? backend.restoreState() : Optional.empty());
  }

  /**
   * What was restored from the state directory; empty without one, or where the backend keeps no
   * state of its own (an emulator at AWS_ENDPOINT_URL keeps its own).
   */
  public Optional<RestoredState> restored() {
    return restored;
  }

  public String stackName() {
    return stack.stack().stackName();
  }

  public AwsBackend backend() {
    return backend;
  }

  /** The environment variables Lambda would give this function, e.g. {@code PLANS_TABLE}. */
  public Map<String, String> functionEnv(String functionLogicalId) {
    return function(functionLogicalId).environment();
  }

  public FunctionSpec function(String functionLogicalId) {
    return overrides.applyTo(stack.function(functionLogicalId));
  }

  public Map<String, FunctionSpec> functions() {
    return stack.functions().values().stream()
        .map(overrides::applyTo)
        .collect(Collectors.toUnmodifiableMap(FunctionSpec::logicalId, f -> f));
  }

  public String queueUrl(String queueLogicalId) {
    return stack.resources().get(queueLogicalId, SamTemplate.QUEUE).ref();
  }

  /** A probe to send to and read from one of the stack's queues. */
  public QueueProbe queue(String queueLogicalId) {
    return new QueueProbe(sqs(), queueUrl(queueLogicalId));
  }

  public String queueArn(String queueLogicalId) {
    return stack.resources().get(queueLogicalId, SamTemplate.QUEUE).arn();
  }

  public String tableName(String tableLogicalId) {
    return stack.resources().get(tableLogicalId, SamTemplate.TABLE).ref();
  }

  public String secretArn(String secretLogicalId) {
    return stack.resources().get(secretLogicalId, SamTemplate.SECRET).ref();
  }

  public ProvisionedStack stack() {
    return stack;
  }

  public SqsClient sqs() {
    return clients.sqs();
  }

  public DynamoDbClient dynamoDb() {
    return clients.dynamoDb();
  }

  public SecretsManagerClient secretsManager() {
    return clients.secrets();
  }

  /**
   * Starts polling the function's one SQS trigger into {@code handler}, configured from the
   * template (batch size, batching window, ReportBatchItemFailures). Stopped by {@link #close()} at
   * the latest.
   */
  public SqsEventSourceMapping startPoller(
      String functionLogicalId, RequestHandler<SQSEvent, SQSBatchResponse> handler) {
    FunctionSpec function = function(functionLogicalId);
    return startPoller(function, function.sqsEvent(), handler, 1);
  }

  /** Like {@link #startPoller(String, RequestHandler)} with a chosen event and poller count. */
  public SqsEventSourceMapping startPoller(
      FunctionSpec function,
      SqsEventSource source,
      RequestHandler<SQSEvent, SQSBatchResponse> handler,
      int concurrentPollers) {
    SqsEventSourceMapping mapping =
        SqsEventSourceMapping.builder(sqs(), function, source, handler)
            .pollers(concurrentPollers)
            .build();
    synchronized (pollers) {
      pollers.add(mapping);
    }
    return mapping.start();
  }

  @Override
  public void close() {
    List<SqsEventSourceMapping> started;
    synchronized (pollers) {
      started = List.copyOf(pollers);
      pollers.clear();
    }
    started.forEach(SqsEventSourceMapping::close);
  }
}
