package dev.finpilot.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagesTest {

  @TempDir Path dir;

  @Test
  void aPackageIsUnzippedInTheLambdaLayoutReplacingAnEarlierOne() throws IOException {
    Path target = dir.resolve("unzipped");
    Files.createDirectories(target);
    Files.writeString(target.resolve("stale.class"), "from an earlier package");

    Path root = Packages.unzip(zip("dev/Handler.class", "lib/a.jar"), target);

    assertThat(root.resolve("dev/Handler.class")).hasContent("dev/Handler.class");
    assertThat(root.resolve("lib/a.jar")).exists();
    assertThat(root.resolve("stale.class")).doesNotExist();
  }

  @Test
  void anEntryOutsideThePackageIsRefused() throws IOException {
    Path zip = zip("../escaped.class");

    assertThatThrownBy(() -> Packages.unzip(zip, dir.resolve("unzipped")))
        .hasMessageContaining("outside its root");
    assertThat(dir.resolve("escaped.class")).doesNotExist();
  }

  private Path zip(String... entries) throws IOException {
    Path zip = dir.resolve("package.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream zipped = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zipped.putNextEntry(new ZipEntry(entry));
        zipped.write(entry.getBytes(StandardCharsets.UTF_8));
        zipped.closeEntry();
      }
    }
    return zip;
  }
}
