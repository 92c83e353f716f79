package dev.finpilot.testkit.template;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Development values for generated secrets. Seeded by the secret's logical id, so a run is
 * reproducible and a failing test sees the same value again; these values never leave the emulator.
 */
final class DevSecrets {

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  private static final int DEFAULT_LENGTH = 32;

  private DevSecrets() {}

  /** A value shaped by a {@code GenerateSecretString} block (length, exclusions, JSON template). */
  static String generate(String logicalId, Map<String, Object> spec) {
    String where = "Resources." + logicalId + ".Properties.GenerateSecretString";
    String password = password(seed(logicalId), alphabet(spec, where), length(spec, where));
    if (!spec.containsKey("SecretStringTemplate")) {
      return password;
    }
    String template = Nodes.text(spec.get("SecretStringTemplate"), where).trim();
    String key = Nodes.text(spec.get("GenerateStringKey"), where + ".GenerateStringKey");
    if (!template.startsWith("{") || !template.endsWith("}")) {
      throw new TemplateException(where + ".SecretStringTemplate: expected a JSON object");
    }
    String body = template.substring(1, template.length() - 1).trim();
    String entry = json(key) + ":" + json(password);
    return "{" + (body.isEmpty() ? entry : body + "," + entry) + "}";
  }

  private static String alphabet(Map<String, Object> spec, String where) {
    StringBuilder alphabet = new StringBuilder();
    if (!flag(spec, "ExcludeLowercase", where)) {
      alphabet.append(LETTERS);
    }
    if (!flag(spec, "ExcludeUppercase", where)) {
      alphabet.append(LETTERS.toUpperCase(Locale.ROOT));
    }
    if (!flag(spec, "ExcludeNumbers", where)) {
      alphabet.append(DIGITS);
    }
    if (!flag(spec, "ExcludePunctuation", where)) {
      alphabet.append(PUNCTUATION);
    }
    if (flag(spec, "IncludeSpace", where)) {
      alphabet.append(' ');
    }
    String excluded =
        spec.containsKey("ExcludeCharacters")
            ? Nodes.text(spec.get("ExcludeCharacters"), where + ".ExcludeCharacters")
            : "";
    String result =
        alphabet
            .chars()
            .filter(c -> excluded.indexOf(c) < 0)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    if (result.isEmpty()) {
      throw new TemplateException(where + ": every character is excluded");
    }
    return result;
  }

  private static int length(Map<String, Object> spec, String where) {
    if (!spec.containsKey("PasswordLength")) {
      return DEFAULT_LENGTH;
    }
    int length = Nodes.integer(spec.get("PasswordLength"), where + ".PasswordLength");
    if (length < 1 || length > 4096) {
      throw new TemplateException(where + ".PasswordLength: must be 1..4096, was " + length);
    }
    return length;
  }

  private static boolean flag(Map<String, Object> spec, String name, String where) {
    return spec.containsKey(name) && Nodes.bool(spec.get(name), where + "." + name);
  }

  private static String password(long seed, String alphabet, int length) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static long seed(String logicalId) {
    CRC32 crc = new CRC32();
    crc.update(logicalId.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
