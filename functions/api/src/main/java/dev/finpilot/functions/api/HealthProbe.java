package dev.finpilot.functions.api;

/** Checks the dependencies the API needs to accept and track plans. */
@FunctionalInterface
public interface HealthProbe {
  HealthReport check();
}
