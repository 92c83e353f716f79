package dev.finpilot.functions.api.report;

import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.functions.api.report.PlanReport.Alternative;
import dev.finpilot.functions.api.report.PlanReport.Band;
import dev.finpilot.functions.api.report.PlanReport.Chosen;
import dev.finpilot.functions.api.report.PlanReport.FindingLine;
import dev.finpilot.functions.api.report.PlanReport.Projection;
import dev.finpilot.functions.api.report.PlanReport.Verification;
import dev.finpilot.functions.api.report.PlanReport.VersionEntry;
import dev.finpilot.functions.api.report.PlanReport.VersionStatus;
import dev.finpilot.insight.Explainer;
import dev.finpilot.insight.Explanation;
import dev.finpilot.insight.PlanSubject;
import dev.finpilot.planning.PlanProjection;
import dev.finpilot.plans.PlanEvent;
import dev.finpilot.plans.PlanReasoning;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.projection.YearBand;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.VerificationReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Assembles a {@link PlanReport} from what the plan repository holds; reads nothing itself. */
public final class PlanReports {
  private PlanReports() {}

  /**
   * The report on {@code shown} of {@code plan}.
   *
   * @param versions every version of the plan, oldest first
   * @param history the plan's workflow transitions, oldest first
   */
  public static PlanReport of(
      PlanRecord plan, PlanVersion shown, List<PlanVersion> versions, List<PlanEvent> history) {
    PlanningRequest request = shown.requestOr(plan.request());
    PlanReasoning reasoning = shown.reasoning();
    return new PlanReport(
        plan.planId(),
        shown.version(),
        plan.status(),
        plan.statusReason(),
        request.goals(),
        request.state(),
        chosen(shown, request),
        projection(shown.projection()),
        verification(shown.verification()),
        reasoning == null
            ? List.of()
            : reasoning.candidates().stream()
                .map(
                    c ->
                        new Alternative(
                            c.strategy(),
                            c.status(),
                            c.strategy() == reasoning.strategy(),
                            c.score(),
                            c.successProbability(),
                            c.outcome(),
                            c.reason()))
                .toList(),
        versions.stream().map(v -> entry(plan, v)).toList(),
        history);
  }

  /** Wealth as the report shows it: whole dollars, rounded half-even. */
  static BigDecimal wholeDollars(double amount) {
    return BigDecimal.valueOf(amount).setScale(0, RoundingMode.HALF_EVEN);
  }

  private static Chosen chosen(PlanVersion v, PlanningRequest request) {
    PlanReasoning reasoning = v.reasoning();
    if (reasoning == null || v.plan() == null) {
      return null;
    }
    return new Chosen(
        reasoning.strategy(),
        reasoning.strategy() == null ? null : reasoning.strategy().description(),
        reasoning.score(),
        v.plan().totalMonthlySaving(),
        explanation(v, request));
  }

  /** The insight explanation, when the version kept what its projection was computed from. */
  private static Explanation explanation(PlanVersion v, PlanningRequest request) {
    if (v.projection() == null || v.projection().inputs() == null) {
      return null;
    }
    PlanReasoning reasoning = v.reasoning();
    return Explainer.explain(
        new PlanSubject(
            v.version(),
            request,
            v.plan(),
            reasoning.strategy(),
            reasoning.candidates(),
            reasoning.relaxations(),
            v.projection(),
            v.verification(),
            v.snapshot()));
  }

  private static Projection projection(PlanProjection p) {
    if (p == null) {
      return null;
    }
    return new Projection(
        p.goal(),
        p.targetAmount(),
        p.targetBasis(),
        p.targetDate(),
        p.reportBasis(),
        p.successProbability(),
        p.model(),
        p.seed(),
        p.paths(),
        p.bands().stream().map(PlanReports::band).toList());
  }

  private static Band band(YearBand b) {
    return new Band(
        b.year(),
        b.age(),
        wholeDollars(b.p10()),
        wholeDollars(b.p25()),
        wholeDollars(b.p50()),
        wholeDollars(b.p75()),
        wholeDollars(b.p90()));
  }

  private static Verification verification(VerificationReport r) {
    if (r == null) {
      return null;
    }
    return new Verification(
        r.outcome(),
        r.summary(),
        r.taxYear(),
        r.findings().stream().map(PlanReports::line).toList());
  }

  private static FindingLine line(Finding f) {
    return new FindingLine(
        f.code(),
        f.severity(),
        f.message(),
        f.evidence().measure(),
        f.evidence().actual(),
        f.evidence().limit(),
        f.evidence().unit(),
        f.source().text(),
        f.remediation());
  }

  private static VersionEntry entry(PlanRecord plan, PlanVersion v) {
    int n = v.version();
    VersionStatus status =
        n == plan.activeVersion()
            ? VersionStatus.IN_FORCE
            : n == plan.currentVersion() ? VersionStatus.NEWEST : VersionStatus.EARLIER;
    PlanReasoning reasoning = v.reasoning();
    return new VersionEntry(
        n,
        v.createdAt(),
        status,
        reasoning == null ? null : reasoning.strategy(),
        v.plan() == null ? null : v.plan().successProbability(),
        v.verification() == null ? null : v.verification().outcome(),
        reason(plan, v));
  }

  private static String reason(PlanRecord plan, PlanVersion v) {
    if (v.version() == plan.currentVersion()) {
      return plan.statusReason();
    }
    if (v.reasoning() != null && v.reasoning().proposal() != null) {
      return v.reasoning().proposal();
    }
    return v.verification() == null ? "not verified" : v.verification().summary();
  }
}
