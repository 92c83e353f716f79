package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.auth.SigningKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {
  @TempDir Path home;

  @Test
  void theKeyIsMadeOnceKeptOwnerOnlyAndReadBackTheSame() throws Exception {
    Path state = home.resolve("local");

    String first = LocalSigningKey.loadOrCreate(state);
    String again = LocalSigningKey.loadOrCreate(state);

    assertThat(again).isEqualTo(first);
    assertThat(SigningKeys.parse(first).current().kid()).isEqualTo("local");
    Path file = state.resolve(LocalSigningKey.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rwx------");
    try (var entries = Files.list(state)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void everyMachineGetsAKeyOfItsOwn() {
    assertThat(LocalSigningKey.loadOrCreate(home.resolve("a")))
        .isNotEqualTo(LocalSigningKey.loadOrCreate(home.resolve("b")));
  }

  @Test
  void aKeyOthersCanReadIsRefusedWithTheFix() throws Exception {
    Path state = home.resolve("local");
    LocalSigningKey.loadOrCreate(state);
    Path file = state.resolve(LocalSigningKey.FILE_NAME);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(state))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chmod 600 " + file);
  }

  @Test
  void theStateDirectoryFollowsFinpilotHome() {
    assertThat(LocalRunner.stateDirectory(Map.of("FINPILOT_HOME", home.toString())))
        .isEqualTo(home.resolve("local"));
    assertThat(LocalRunner.stateDirectory(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".finpilot", "local"));
  }
}
