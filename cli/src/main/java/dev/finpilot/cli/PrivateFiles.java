package dev.finpilot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: tokens, exported personal data, plan reports. Each is written to
 * a new owner-only file beside it and moved into place, so it is never readable by others, not even
 * for a moment, and a crash leaves the old content or the new, never half of it.
 */
final class PrivateFiles {
  static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  static void write(Path file, String text) {
    Path target = file.toAbsolutePath();
    try {
      Path next = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try {
        if (posix()) {
          Files.setPosixFilePermissions(next, OWNER_FILE);
        }
        Files.writeString(next, text, StandardCharsets.UTF_8);
        move(next, target);
      } finally {
        Files.deleteIfExists(next);
      }
    } catch (IOException e) {
      throw new CliFailure(ExitCodes.USAGE, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Creates {@code directory} (and its parents) and makes it the owner's alone. */
  static void ownerOnlyDirectory(Path directory) {
    try {
      Files.createDirectories(directory);
      if (posix()) {
        Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
      }
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.USAGE, "cannot create " + directory + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
