package dev.finpilot.functions.api;

import dev.finpilot.messaging.MessageBus;
import dev.finpilot.plans.PlanRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Exposes the ports of the {@link ApiBackend} the handler was built with as beans. */
@Factory
class BackendBeans {

  @Singleton
  PlanRepository plans(ApiBackend backend) {
    return backend.plans();
  }

  @Singleton
  MessageBus bus(ApiBackend backend) {
    return backend.bus();
  }

  @Singleton
  HealthProbe health(ApiBackend backend) {
    return backend.health();
  }

  @Singleton
  Clock clock(ApiBackend backend) {
    return backend.clock();
  }
}
