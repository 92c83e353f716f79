package dev.finpilot.insight;

import static dev.finpilot.insight.ExplanationText.evidence;
import static dev.finpilot.planning.Format.dollars;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.regulation.Cited;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.regulation.TaxYearLimits;
import dev.finpilot.verification.Evidence;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rules shaped the plan: every finding of the version's verification report with its
 * severity, measured value, limit and source, and the tax year's contribution limits with theirs.
 */
final class ExplainedRules {

  private ExplainedRules() {}

  static Explanation.Section of(PlanSubject subject, RegulatoryTable table) {
    List<String> paragraphs = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    VerificationReport report = subject.verification();
    if (report == null) {
      paragraphs.add("The version has not been verified yet.");
    } else {
      paragraphs.add(
          "Verification for tax year "
              + report.taxYear()
              + ": "
              + report.summary()
              + (report.findings().isEmpty() ? "; no rule found anything." : "."));
      for (Finding f : report.findings()) {
        paragraphs.add(finding(f, facts));
      }
    }
    PlanningRequest request = subject.request();
    if (table.supports(request.taxYear())) {
      paragraphs.add(limits(request, table.year(request.taxYear()), facts));
    }
    return new Explanation.Section("The rules that shaped it", paragraphs, facts);
  }

  private static String finding(Finding f, List<Fact> facts) {
    Evidence e = f.evidence();
    String actual = evidence(e.actual(), e.unit());
    String limit = evidence(e.limit(), e.unit());
    String name = f.code().name();
    facts.add(new Fact(name + ".severity", f.severity().name(), "the version's verification"));
    facts.add(new Fact(name + "." + e.measure(), actual, "the version's verification"));
    facts.add(new Fact(name + ".limit", limit, f.source().text()));
    return name
        + " ("
        + f.severity()
        + "): "
        + f.message()
        + ". Measured "
        + e.measure()
        + ": "
        + actual
        + " against a limit of "
        + limit
        + ". To clear it: "
        + f.remediation();
  }

  private static String limits(PlanningRequest request, TaxYearLimits limits, List<Fact> facts) {
    FinancialState state = request.state();
    int age = state.age() + (request.taxYear() - request.asOf().getYear());
    List<String> parts = new ArrayList<>();
    parts.add(
        limit("401(k)/403(b) elective deferral", limits.employerPlanDeferralLimit(age), facts));
    parts.add(
        limit("IRA contribution (traditional and Roth together)", limits.iraLimit(age), facts));
    if (state.hsaCoverage() != HsaCoverage.NONE) {
      parts.add(limit("HSA", limits.hsaLimit(state.hsaCoverage(), age), facts));
    }
    return "Contribution limits for tax year "
        + request.taxYear()
        + " at age "
        + age
        + " by December 31: "
        + String.join("; ", parts)
        + ".";
  }

  private static String limit(String what, Cited<Money> cited, List<Fact> facts) {
    facts.add(new Fact("limit." + what, dollars(cited.value()), cited.source().text()));
    return what + " " + dollars(cited.value()) + " (source: " + cited.source().text() + ")";
  }
}
