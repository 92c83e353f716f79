package dev.finpilot.insight;

import dev.finpilot.verification.Finding;
import java.util.List;

/**
 * A what-if answered without creating a version: the version as it is and as changed, side by side,
 * projected with the same seed and paths so the differences come from the change alone.
 *
 * @param model what produced the returns before the change (method and data edition)
 * @param findingsAdded findings of the changed plan whose rule the current report does not name
 * @param findingsRemoved findings of the current report whose rule the changed plan no longer
 *     triggers
 */
public record WhatIfAnswer(
    int version,
    Change change,
    long seed,
    int paths,
    String model,
    WhatIfOutcome current,
    WhatIfOutcome changed,
    WhatIfDelta delta,
    List<Finding> findingsAdded,
    List<Finding> findingsRemoved) {

  public WhatIfAnswer {
    findingsAdded = List.copyOf(findingsAdded);
    findingsRemoved = List.copyOf(findingsRemoved);
  }
}
