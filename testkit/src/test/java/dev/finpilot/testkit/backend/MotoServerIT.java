package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts a private moto server (not the shared one) to check start, reset, logging and stop. */
class MotoServerIT {

  @TempDir Path logs;

  @Test
  void startsAnswersResetsAndStops() throws Exception {
    Path python =
        Required.orSkip(
            () ->
                MotoPython.find(System::getenv)
                    .orElseThrow(
                        () ->
                            new BackendUnavailableException(
                                "moto is not installed here (pip install 'moto[server]')")),
            System::getenv);
    MotoServer server = MotoServer.start(python, logs);
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
}
