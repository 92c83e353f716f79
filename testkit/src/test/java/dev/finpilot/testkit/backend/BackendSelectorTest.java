package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {

  private final Map<String, String> env = new HashMap<>();
  private final Map<String, String> properties = new HashMap<>();
  // The probes run on their own threads and may still record while an assertion iterates.
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private boolean docker;
  private Optional<Path> python = Optional.of(Path.of("/usr/bin/python3"));
  private RuntimeException localStackFailure;
  private RuntimeException motoFailure;

  private static AwsBackend fake(String name) {
    return new ExplicitEndpoint(URI.create("http://" + name), name);
  }

  private AwsBackend select() {
    return new BackendSelector(
            env::get,
            properties::get,
            () -> {
              calls.add("docker?");
              return docker;
            },
            () -> {
              calls.add("python?");
              return python;
            },
            token -> {
              calls.add("localstack " + token.orElse("-"));
              if (localStackFailure != null) {
                throw localStackFailure;
              }
              return fake("localstack");
            },
            path -> {
              calls.add("moto " + path);
              if (motoFailure != null) {
                throw motoFailure;
              }
              return fake("moto");
            })
        .select();
  }

  @Test
  void anExplicitEndpointWinsAndStartsNothing() {
    env.put("AWS_ENDPOINT_URL", "http://env:4566");
    docker = true;
    AwsBackend backend = select();
    assertThat(backend.endpoint()).isEqualTo(URI.create("http://env:4566"));
    assertThat(backend.accountId()).isEqualTo("123456789012");
    assertThat(backend.reset()).isFalse();
    assertThat(calls).isEmpty();
  }

  @Test
  void theSystemPropertyBeatsTheEnvironmentAndAccountIdIsStandard() {
    env.put("AWS_ENDPOINT_URL", "http://env:4566");
    env.put("AWS_ACCOUNT_ID", "000000000000");
    properties.put("aws.endpointUrl", "http://prop:5000");
    AwsBackend backend = select();
    assertThat(backend.endpoint()).isEqualTo(URI.create("http://prop:5000"));
    assertThat(backend.accountId()).isEqualTo("000000000000");
    assertThat(backend.description()).contains("explicit endpoint http://prop:5000");
  }

  @Test
  void dockerMeansLocalStackWithTheTokenIfAny() {
    docker = true;
    env.put("LOCALSTACK_AUTH_TOKEN", "tok");
    assertThat(select().accountId()).isEqualTo("localstack");
    assertThat(calls).contains("docker?", "localstack tok").noneMatch(c -> c.startsWith("moto"));
  }

  @Test
  void aLocalStackThatFailsFallsThroughToMoto() {
    docker = true;
    localStackFailure = new IllegalStateException("image pull refused");
    assertThat(select().accountId()).isEqualTo("moto");
    // The Docker and Python probes run side by side, so only their relative order to the
    // starts is fixed: LocalStack is tried (after Docker answered) before moto starts.
    assertThat(calls)
        .containsExactlyInAnyOrder("docker?", "python?", "localstack -", "moto /usr/bin/python3");
    assertThat(calls.indexOf("docker?")).isLessThan(calls.indexOf("localstack -"));
    assertThat(calls.indexOf("localstack -")).isLessThan(calls.indexOf("moto /usr/bin/python3"));
  }

  @Test
  void localStackCanBeSwitchedOffWithoutProbingDocker() {
    docker = true;
    env.put("FINPILOT_LOCALSTACK", "false");
    assertThat(select().accountId()).isEqualTo("moto");
    assertThat(calls).containsExactly("python?", "moto /usr/bin/python3");
  }

  @Test
  void withNothingAvailableTheErrorSaysWhyAndHowToFix() {
    python = Optional.empty();
    assertThatThrownBy(this::select)
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("no Docker engine answers")
        .hasMessageContaining("no python3 can import moto.server")
        .hasMessageContaining("set AWS_ENDPOINT_URL")
        .hasMessageContaining("pip install 'moto[server]'");
  }

  @Test
  void aMotoThatFailsToStartIsReported() {
    motoFailure = new IllegalStateException("moto exited with code 1");
    assertThatThrownBy(this::select)
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("moto did not start with /usr/bin/python3: moto exited with code 1");
  }

  @Test
  void localStackImageIsPinnedUnlessATokenOrOverrideIsGiven() {
    assertThat(LocalStackBackend.image(Optional.empty(), Optional.empty()))
        .isEqualTo("localstack/localstack:4.14.0");
    assertThat(LocalStackBackend.image(Optional.of("t"), Optional.empty()))
        .isEqualTo(LocalStackBackend.CURRENT_IMAGE);
    assertThat(LocalStackBackend.image(Optional.of("t"), Optional.of("mine:1")))
        .isEqualTo("mine:1");
  }
}
