package dev.finpilot.vulncheck;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accepted vulnerabilities, one a line: {@code <id> <expires yyyy-mm-dd> <reason>}. Blank lines and
 * lines starting with {@code #} are ignored. A reason and an expiry are required so that no
 * acceptance is silent or forever.
 */
final class AllowList {

  private final Map<String, Acceptance> byId;

  private AllowList(Map<String, Acceptance> byId) {
    this.byId = byId;
  }

  static AllowList parse(List<String> lines) {
    Map<String, Acceptance> byId = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      if (parts.length < 3) {
        throw new IllegalArgumentException(
            "allow-list line " + (i + 1) + ": expected '<id> <expires yyyy-mm-dd> <reason>'");
      }
      LocalDate expires;
      try {
        expires = LocalDate.parse(parts[1]);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "allow-list line " + (i + 1) + ": '" + parts[1] + "' is not a date (yyyy-mm-dd)", e);
      }
      byId.put(parts[0], new Acceptance(parts[0], expires, parts[2]));
    }
    return new AllowList(byId);
  }

  /** The entry for this vulnerability, whether or not it is still in force. */
  Optional<Acceptance> entry(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
