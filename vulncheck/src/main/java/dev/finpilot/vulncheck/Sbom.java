package dev.finpilot.vulncheck;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.TreeSet;

/** The third-party packages a CycloneDX JSON BOM lists, as package URLs OSV can look up. */
final class Sbom {

  /** FinPilot's own modules: OSV has nothing on them. */
  private static final String OWN_PACKAGES = "pkg:maven/dev.finpilot/";

  private Sbom() {}

  /**
   * Every component's purl without qualifiers ({@code ?type=jar}), which OSV does not need, sorted
   * and without duplicates.
   */
  static List<String> packages(JsonNode bom) {
    TreeSet<String> purls = new TreeSet<>();
    for (JsonNode component : bom.path("components")) {
      String purl = component.path("purl").asText("");
      int qualifiers = purl.indexOf('?');
      String bare = qualifiers < 0 ? purl : purl.substring(0, qualifiers);
      if (bare.startsWith("pkg:") && !bare.startsWith(OWN_PACKAGES)) {
        purls.add(bare);
      }
    }
    return List.copyOf(purls);
  }
}
