package dev.finpilot.functions.api;

import dev.finpilot.aws.AgentContext;
import dev.finpilot.aws.AgentEnvironment;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.plans.PlanRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * The ports the API works through. Lambda and the integration tests build the real DynamoDB and SQS
 * adapters from the environment; unit tests pass in-memory fakes.
 */
public record ApiBackend(PlanRepository plans, MessageBus bus, HealthProbe health, Clock clock) {

  public ApiBackend {
    Objects.requireNonNull(plans, "plans");
    Objects.requireNonNull(bus, "bus");
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(clock, "clock");
  }

  /** The real adapters, configured by the function's environment variables. */
  public static ApiBackend fromEnvironment(AgentEnvironment env) {
    AgentContext agent = AgentContext.create(env);
    return new ApiBackend(
        agent.plans(),
        agent.bus(),
        new AwsHealthProbe(agent.dynamo(), agent.sqs(), env),
        agent.clock());
  }
}
