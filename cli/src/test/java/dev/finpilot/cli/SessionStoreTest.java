package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.cli.SessionStore.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
  private static final Session ADA =
      new Session("access", "refresh", Instant.parse("2026-12-07T19:00:00Z"), "u-1", "ada@x.dev");

  @TempDir Path home;

  @Test
  void theSessionsFileAndItsDirectoryAreTheOwnersAlone() throws Exception {
    SessionStore store = SessionStore.forEnvironment(Map.of("XDG_CONFIG_HOME", home.toString()));
    store.save("http://127.0.0.1:8080", ADA);

    Path directory = home.resolve("finpilot");
    assertThat(store.file()).isEqualTo(directory.resolve("sessions.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    try (var files = Files.list(directory)) {
      assertThat(files).containsExactly(store.file());
    }
  }

  @Test
  void withoutXdgConfigHomeItIsUnderHomeDotConfig() {
    SessionStore store = SessionStore.forEnvironment(Map.of("HOME", home.toString()));

    assertThat(store.file()).isEqualTo(home.resolve(".config/finpilot/sessions.json"));
  }

  @Test
  void oneSessionPerApiRoundTripsAndIsRemovedAlone() {
    SessionStore store = new SessionStore(home.resolve("cfg"));
    Session other = new Session("a2", "r2", Instant.parse("2027-01-01T00:00:00Z"), "u-2", "b@x");
    store.save("http://127.0.0.1:8080", ADA);
    store.save("https://api.example.com", other);

    assertThat(store.find("http://127.0.0.1:8080")).contains(ADA);
    store.remove("http://127.0.0.1:8080");

    assertThat(store.find("http://127.0.0.1:8080")).isEmpty();
    assertThat(store.find("https://api.example.com")).contains(other);
  }
}
