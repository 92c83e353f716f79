package dev.finpilot.testkit.backend;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Chooses the AWS backend: (a) an explicit endpoint, (b) LocalStack where Docker runs, (c) a moto
 * server started here, else (d) an error that says how to get one. A backend that fails to start
 * falls through to the next option, and the reason is kept for the final message.
 */
final class BackendSelector {

  static final String FIX =
      "Fix one of: set AWS_ENDPOINT_URL (or -Daws.endpointUrl) to a running emulator;"
          + " start a Docker engine so LocalStack can run in Testcontainers;"
          + " or make moto's server importable by python3 (pip install 'moto[server]',"
          + " or FINPILOT_MOTO_PYTHON=/path/to/python).";

  private final UnaryOperator<String> env;
  private final UnaryOperator<String> properties;
  private final BooleanSupplier dockerAvailable;
  private final Supplier<Optional<Path>> motoPython;
  private final Function<Optional<String>, AwsBackend> localStack;
  private final Function<Path, AwsBackend> moto;

  BackendSelector(
      UnaryOperator<String> env,
      UnaryOperator<String> properties,
      BooleanSupplier dockerAvailable,
      Supplier<Optional<Path>> motoPython,
      Function<Optional<String>, AwsBackend> localStack,
      Function<Path, AwsBackend> moto) {
    this.env = env;
    this.properties = properties;
    this.dockerAvailable = dockerAvailable;
    this.motoPython = motoPython;
    this.localStack = localStack;
    this.moto = moto;
  }

  AwsBackend select() {
    Optional<String> explicit =
        nonBlank(properties.apply("aws.endpointUrl"))
            .or(() -> nonBlank(env.apply("AWS_ENDPOINT_URL")));
    if (explicit.isPresent()) {
      String account =
          nonBlank(env.apply("AWS_ACCOUNT_ID")).orElse(ExplicitEndpoint.DEFAULT_ACCOUNT_ID);
      return new ExplicitEndpoint(URI.create(explicit.get()), account);
    }
    // Both probes take seconds (Testcontainers' strategies, importing moto): run them side by side.
    CompletableFuture<Optional<Path>> python = CompletableFuture.supplyAsync(motoPython);
    List<String> reasons = new ArrayList<>();
    if ("false".equalsIgnoreCase(env.apply("FINPILOT_LOCALSTACK"))) {
      reasons.add("LocalStack is switched off (FINPILOT_LOCALSTACK=false)");
    } else if (!dockerAvailable.getAsBoolean()) {
      reasons.add("no Docker engine answers, so no LocalStack");
    } else {
      try {
        return localStack.apply(nonBlank(env.apply("LOCALSTACK_AUTH_TOKEN")));
      } catch (RuntimeException e) {
        reasons.add("LocalStack did not start: " + e.getMessage());
      }
    }
    Optional<Path> interpreter = python.join();
    if (interpreter.isEmpty()) {
      reasons.add("no python3 can import moto.server, flask and flask_cors");
    } else {
      try {
        return moto.apply(interpreter.get());
      } catch (RuntimeException e) {
        reasons.add("moto did not start with " + interpreter.get() + ": " + e.getMessage());
      }
    }
    throw new BackendUnavailableException(
        "No AWS backend for the tests: " + String.join("; ", reasons) + ". " + FIX);
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
