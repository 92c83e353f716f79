package dev.finpilot.insight;

import dev.finpilot.domain.Validation;
import dev.finpilot.projection.ProjectionEngine;
import dev.finpilot.projection.ProjectionRequest;
import dev.finpilot.projection.ProjectionResult;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What-if answers (docs/insight.md section 2): a version's projection and verification with one
 * {@link Change} applied, next to the version's own, without creating a version. Deterministic:
 * both sides use the version's seed and the same number of paths.
 */
public final class WhatIf {

  public static final int MIN_PATHS = 100;
  public static final int MAX_PATHS = 10_000;

  private static final Verifier VERIFIER = Verifier.standard();

  private WhatIf() {}

  /**
   * Answers the what-if on {@code paths} paths.
   *
   * @throws dev.finpilot.domain.ValidationException for a change the version cannot take, named by
   *     field ({@code change.goalYears}, {@code change.marketFall}, ...), or paths out of bounds
   */
  public static WhatIfAnswer answer(PlanSubject subject, Change change, int paths) {
    Validation v = new Validation();
    v.between(paths, MIN_PATHS, MAX_PATHS, "paths");
    if (v.notNull(change, "change")) {
      v.addAll(change.validate("change"));
    }
    v.throwIfInvalid();
    WhatIfScenario scenario = WhatIfScenario.of(subject, change);
    ProjectionRequest currentRequest = scenario.current(paths);
    ProjectionResult current = ProjectionEngine.project(currentRequest);
    ProjectionResult changed = ProjectionEngine.project(scenario.changed(paths));
    VerificationReport before =
        subject.verification() != null
            ? subject.verification()
            : VERIFIER.verify(subject.plan(), subject.request());
    VerificationReport after =
        VERIFIER.verify(scenario.plan(changed.successProbability()), scenario.request());
    WhatIfOutcome currentOutcome =
        WhatIfOutcome.of(subject.projection().targetDate(), current, before);
    WhatIfOutcome changedOutcome = WhatIfOutcome.of(scenario.changedGoalDate(), changed, after);
    return new WhatIfAnswer(
        subject.version(),
        change,
        currentRequest.seed(),
        current.paths(),
        current.model(),
        currentOutcome,
        changedOutcome,
        WhatIfDelta.between(currentOutcome, changedOutcome),
        missingFrom(after, before),
        missingFrom(before, after));
  }

  /** Findings of {@code report} whose rule {@code other} does not name. */
  private static List<Finding> missingFrom(VerificationReport report, VerificationReport other) {
    Set<RuleCode> codes = other.findings().stream().map(Finding::code).collect(Collectors.toSet());
    return report.findings().stream().filter(f -> !codes.contains(f.code())).toList();
  }
}
