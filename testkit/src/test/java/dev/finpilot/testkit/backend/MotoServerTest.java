package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a private moto server (not the shared one) to check start, reset, logging and stop. */
class MotoServerTest {

  @TempDir Path logs;

  @Test
  void startsAnswersResetsAndStops() throws Exception {
    Optional<Path> python = MotoPython.find(System::getenv);
    assumeTrue(python.isPresent(), "moto is not installed here");
    MotoServer server = MotoServer.start(python.get(), logs);
    try {
      assertThat(server.isRunning()).isTrue();
      assertThat(server.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(server.description()).contains("moto 127.0.0.1:" + server.endpoint().getPort());
      assertThat(server.accountId()).isEqualTo("123456789012");
      assertThat(server.reset()).isTrue();
      assertThat(server.log()).exists().hasFileName("moto-" + server.endpoint().getPort() + ".log");
      HttpResponse<String> dashboard =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.endpoint().resolve("/moto-api/data.json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(dashboard.statusCode()).isEqualTo(200);
    } finally {
      server.close();
    }
    assertThat(server.isRunning()).isFalse();
    assertThat(Files.readString(server.log())).contains("/moto-api/reset");
  }

  @Test
  void anInterpreterThatCannotRunMotoFailsWithItsOutput() {
    Path notPython = Path.of("/bin/false");
    assumeTrue(Files.isExecutable(notPython));
    assertThatThrownBy(() -> MotoServer.start(notPython, logs))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("moto exited with code 1");
  }

  @Test
  void probingRejectsMissingInterpretersAndResolvesRealOnes() {
    assertThat(MotoPython.probe("/nonexistent/python3")).isEmpty();
    assertThat(MotoPython.probe("/bin/false")).isEmpty();
    Optional<Path> python = MotoPython.find(System::getenv);
    python.ifPresent(p -> assertThat(p).isAbsolute().exists());
    assertThat(MotoPython.find(name -> name.equals("FINPILOT_MOTO_PYTHON") ? "/bin/false" : null))
        .isEmpty();
  }

  @Test
  void sdkSettingsPointClientsAtTheBackendWithoutOverwritingChoices() {
    String previousRegion = System.getProperty("aws.region");
    String previousEndpoint = System.getProperty("aws.endpointUrl");
    try {
      System.setProperty("aws.region", "eu-central-1");
      SdkSettings.apply(new ExplicitEndpoint(URI.create("http://127.0.0.1:1"), "1"), name -> null);
      assertThat(System.getProperty("aws.endpointUrl")).isEqualTo("http://127.0.0.1:1");
      assertThat(SdkSettings.region()).isEqualTo("eu-central-1");
      assertThat(System.getProperty("aws.accessKeyId")).isNotBlank();
    } finally {
      restore("aws.region", previousRegion);
      restore("aws.endpointUrl", previousEndpoint);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
