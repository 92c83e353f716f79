package dev.finpilot.coldstart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Lambda packages unzipped as the Lambda runtime unzips them before INIT. */
final class Packages {

  private Packages() {}

  /**
   * Unzips {@code zip} into {@code target}, emptied first so nothing of an earlier package stays,
   * refusing entries that would land outside it.
   */
  static Path unzip(Path zip, Path target) throws IOException {
    Path root = target.toAbsolutePath().normalize();
    if (Files.exists(root)) {
      try (Stream<Path> earlier = Files.walk(root)) {
        for (Path file : earlier.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    Files.createDirectories(root);
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Path file = root.resolve(entry.getName()).normalize();
        if (!file.startsWith(root)) {
          throw new IOException(zip + " has an entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(entries, file);
        }
      }
    }
    return root;
  }

  /** The size of the zip in MB (10^6 bytes), as Lambda counts a deployment package. */
  static double megabytes(Path zip) throws IOException {
    return Files.size(zip) / 1_000_000.0;
  }
}
