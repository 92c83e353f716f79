package dev.finpilot.functions.api;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files kept at the repository root (events/, docs/), found from wherever the tests run. */
final class RepositoryFiles {
  private RepositoryFiles() {}

  static Path resolve(String relative) {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + start);
  }
}
