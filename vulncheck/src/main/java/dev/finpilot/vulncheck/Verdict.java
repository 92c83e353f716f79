package dev.finpilot.vulncheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the check concludes from the vulnerabilities OSV knows for each package: which fail it (HIGH
 * or above, or no severity, and not accepted by an allow-list entry in force), which an entry
 * accepts, and which are below the threshold and only reported.
 */
record Verdict(List<Finding> failing, List<Finding> accepted, List<Finding> belowThreshold) {

  /** One vulnerability of one package, with the allow-list entry that names it, if any. */
  record Finding(String purl, Advisory advisory, Optional<Acceptance> entry) {
    String line() {
      String base =
          advisory.id()
              + " ("
              + advisory.severity()
              + ") in "
              + purl
              + (advisory.summary().isEmpty() ? "" : ": " + advisory.summary());
      // A failing finding with an entry is one whose entry has expired.
      return entry
          .map(a -> base + " [allow-list entry until " + a.expires() + ": " + a.reason() + "]")
          .orElse(base);
    }
  }

  static Verdict decide(
      Map<String, List<String>> idsByPurl,
      Map<String, Advisory> advisories,
      AllowList allowList,
      LocalDate today) {
    List<Finding> failing = new ArrayList<>();
    List<Finding> accepted = new ArrayList<>();
    List<Finding> below = new ArrayList<>();
    idsByPurl.forEach(
        (purl, ids) -> {
          for (String id : ids) {
            Advisory advisory = advisories.get(id);
            Optional<Acceptance> entry = allowList.entry(id);
            Finding finding = new Finding(purl, advisory, entry);
            if (!advisory.severity().failsTheCheck()) {
              below.add(finding);
            } else if (entry.isPresent() && entry.get().inForceOn(today)) {
              accepted.add(finding);
            } else {
              failing.add(finding);
            }
          }
        });
    return new Verdict(List.copyOf(failing), List.copyOf(accepted), List.copyOf(below));
  }

  /** 1 when anything fails the check, else 0. */
  int exitCode() {
    return failing.isEmpty() ? 0 : 1;
  }
}
