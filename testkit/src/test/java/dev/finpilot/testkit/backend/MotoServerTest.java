package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding an interpreter that runs moto, and one that cannot. */
class MotoServerTest {

  @TempDir Path logs;

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
}
