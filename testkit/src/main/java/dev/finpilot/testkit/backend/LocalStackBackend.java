package dev.finpilot.testkit.backend;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in a Testcontainers container, for machines with a Docker engine. Without {@code
 * LOCALSTACK_AUTH_TOKEN} only images up to 4.14.0 run, so that tag is pinned; with a token the
 * current image is used. {@code FINPILOT_LOCALSTACK_IMAGE} overrides the choice.
 */
final class LocalStackBackend implements AwsBackend {

  static final String PINNED_IMAGE = "localstack/localstack:4.14.0";
  static final String CURRENT_IMAGE = "localstack/localstack:latest";
  private static final String ACCOUNT_ID = "000000000000";

  private final LocalStackContainer container;

  private LocalStackBackend(LocalStackContainer container) {
    this.container = container;
  }

  static String image(Optional<String> authToken, Optional<String> override) {
    return override.orElse(authToken.isPresent() ? CURRENT_IMAGE : PINNED_IMAGE);
  }

  static LocalStackBackend start(Optional<String> authToken, Optional<String> imageOverride) {
    LocalStackContainer container =
        new LocalStackContainer(
            DockerImageName.parse(image(authToken, imageOverride))
                .asCompatibleSubstituteFor("localstack/localstack"));
    authToken.ifPresent(token -> container.withEnv("LOCALSTACK_AUTH_TOKEN", token));
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-shutdown"));
    return new LocalStackBackend(container);
  }

  @Override
  public String description() {
    return "LocalStack " + container.getDockerImageName() + " at " + container.getEndpoint();
  }

  @Override
  public URI endpoint() {
    return container.getEndpoint();
  }

  @Override
  public String accountId() {
    return ACCOUNT_ID;
  }

  @Override
  public boolean reset() {
    return false;
  }
}
