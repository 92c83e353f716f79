package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Page cursors sealed to the user they were made for. */
class CursorsTest {

  @Test
  void aCursorOpensOnlyForItsUser() {
    String sealed = Cursors.seal("user-1", "inner/cursor");

    assertThat(Cursors.open("user-1", sealed)).isEqualTo("inner/cursor");
    assertThatThrownBy(() -> Cursors.open("user-2", sealed)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Cursors.open("user-1", "%%%")).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Cursors.open("user-1", "AAAA")).isInstanceOf(ProblemException.class);
  }
}
