package dev.finpilot.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.auth.SigningKeys;
import dev.finpilot.testkit.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The access-token signing key of this machine's local runtime: 384 random bits made once, on the
 * first start, and kept in {@value #FILE_NAME} under the state directory with owner-only
 * permissions. The emulator's secret is generated from the template and so is the same on every
 * machine; anyone with the repository could sign tokens with it. Replacing that secret with this
 * key before the functions start means a token is only good on the machine that issued it.
 */
final class LocalSigningKey {
  static final String FILE_NAME = "signing-key.json";
  static final String SECRET = "JwtSigningKeySecret";

  private static final int KEY_BYTES = 48;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private LocalSigningKey() {}

  /** Puts this machine's key into the emulator's signing-key secret. */
  static void install(Environment env, Path stateDirectory) {
    String secret = loadOrCreate(stateDirectory);
    env.secretsManager()
        .putSecretValue(r -> r.secretId(env.secretArn(SECRET)).secretString(secret));
  }

  /**
   * The key's secret JSON ({@link SigningKeys} form), made on first use.
   *
   * @throws IllegalStateException if the file can be read by anyone but its owner
   */
  static String loadOrCreate(Path stateDirectory) {
    Path file = stateDirectory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(stateDirectory, file);
      }
      if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        throw new IllegalStateException(
            file
                + " can be read by others; run: chmod 600 "
                + file
                + " (or delete it for a new key)");
      }
      String secret = Files.readString(file);
      SigningKeys.parse(secret);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the local signing key in " + file, e);
    }
  }

  private static void create(Path directory, Path file) throws IOException {
    Files.createDirectories(directory, ownerOnly(directory, OWNER_ONLY_DIRECTORY));
    byte[] bytes = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(bytes);
    String secret =
        new ObjectMapper()
            .writeValueAsString(
                Map.of(
                    "kid",
                    "local",
                    "signingKey",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)));
    Path draft =
        Files.createTempFile(directory, "signing-key", ".tmp", ownerOnly(directory, OWNER_ONLY));
    Files.writeString(draft, secret);
    try {
      // Two runtimes starting at once: the first key moved in place wins, the other is dropped.
      Files.move(draft, file);
    } catch (FileAlreadyExistsException e) {
      Files.delete(draft);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> permissions) {
    return posix(near)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
