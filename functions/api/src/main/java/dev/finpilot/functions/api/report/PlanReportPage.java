package dev.finpilot.functions.api.report;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.ValueBasis;
import dev.finpilot.functions.api.report.PlanReport.Alternative;
import dev.finpilot.functions.api.report.PlanReport.Band;
import dev.finpilot.functions.api.report.PlanReport.Chosen;
import dev.finpilot.functions.api.report.PlanReport.FindingLine;
import dev.finpilot.functions.api.report.PlanReport.Projection;
import dev.finpilot.functions.api.report.PlanReport.Verification;
import dev.finpilot.functions.api.report.PlanReport.VersionEntry;
import dev.finpilot.insight.Explanation;
import dev.finpilot.plans.PlanEvent;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A {@link PlanReport} as one self-contained HTML page: inline CSS and an inline SVG chart, no
 * script and nothing fetched from elsewhere. Every piece of text that came from a user or from
 * stored data is escaped, so a goal named {@code <script>} is shown as those characters. Figures
 * carry a class naming what they are, so the page can be read back by a program.
 */
public final class PlanReportPage {
  /** What the page's response allows: its own inline styles and data: images, nothing else. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
          + "color:#1b1b1b;line-height:1.45}"
          + "table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}"
          + "th,td{border:1px solid #d0d0d0;padding:.25rem .5rem;text-align:left;"
          + "vertical-align:top}"
          + "td.num,th.num{text-align:right;white-space:nowrap}"
          + "h2{border-bottom:2px solid #1f4e8c;padding-bottom:.2rem;margin-top:2rem}"
          + ".headline{font-size:1.3rem}.muted{color:#5a5a5a}"
          + "svg text.axis{font-size:11px;fill:#444}"
          + "@media print{body{margin:0}h2{break-after:avoid}}";

  private final StringBuilder h = new StringBuilder(32 * 1024);

  private PlanReportPage() {}

  public static String render(PlanReport report) {
    return new PlanReportPage().page(report);
  }

  private String page(PlanReport r) {
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>FinPilot plan report: version ")
        .append(r.version())
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>Plan report</h1><p class=\"muted\">Plan <code>")
        .append(esc(r.planId()))
        .append("</code>, version <span class=\"version\">")
        .append(r.version())
        .append("</span>; the plan is <strong class=\"status\">")
        .append(r.status())
        .append("</strong>");
    if (r.statusReason() != null) {
      h.append(": ").append(esc(r.statusReason()));
    }
    h.append("</p>");
    goals(r);
    household(r.household());
    chosen(r.chosen());
    projection(r.projection());
    verification(r.verification());
    alternatives(r);
    versions(r);
    return h.append("</body></html>").toString();
  }

  private void goals(PlanReport r) {
    h.append("<h2>Goals</h2><table class=\"goals\"><tr><th>Priority</th><th>Goal</th>")
        .append("<th>Type</th><th class=\"num\">Target</th><th>In</th><th>By</th></tr>");
    for (Goal g : r.goals()) {
      h.append("<tr class=\"goal\"><td class=\"num\">")
          .append(g.priority())
          .append("</td><td class=\"description\">")
          .append(esc(g.description()))
          .append("</td><td>")
          .append(g.type())
          .append("</td><td class=\"num target\">")
          .append(g.targetAmount() == null ? "" : Figures.money(g.targetAmount()))
          .append("</td><td>")
          .append(basis(g.basis()))
          .append("</td><td>")
          .append(g.targetDate())
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private void household(FinancialState s) {
    h.append("<h2>Household (as submitted)</h2>");
    if (s == null) {
      h.append("<p>Not recorded.</p>");
      return;
    }
    h.append("<table class=\"household\">");
    row("Age", String.valueOf(s.age()));
    row("Filing status", String.valueOf(s.filingStatus()));
    row("Annual income", s.annualIncome() == null ? "" : Figures.money(s.annualIncome()));
    if (s.expenses() != null) {
      row("Essential expenses a month", Figures.money(s.expenses().essential()));
      row("Discretionary expenses a month", Figures.money(s.expenses().discretionary()));
      row("Housing a month (part of essential)", Figures.money(s.expenses().housing()));
    }
    row("Dependents", String.valueOf(s.dependents()));
    row("Risk tolerance", String.valueOf(s.riskTolerance()));
    row("Planned retirement age", String.valueOf(s.plannedRetirementAge()));
    row(
        "Employer match",
        Figures.share(s.employerMatch().matchRate())
            + " of contributions up to "
            + Figures.share(s.employerMatch().upToShareOfSalary())
            + " of salary");
    row("HSA coverage", String.valueOf(s.hsaCoverage()));
    h.append("</table><table class=\"accounts\"><tr><th>Account</th><th>Type</th>")
        .append("<th class=\"num\">Balance</th></tr>");
    for (Account a : s.accounts()) {
      h.append("<tr><td>")
          .append(esc(Objects.toString(a.id(), "")))
          .append("</td><td>")
          .append(a.type())
          .append("</td><td class=\"num\">")
          .append(a.balance() == null ? "" : Figures.money(a.balance()))
          .append("</td></tr>");
    }
    h.append("</table>");
    if (!s.debts().isEmpty()) {
      h.append("<table class=\"debts\"><tr><th>Debt</th><th>Kind</th>")
          .append("<th class=\"num\">Balance</th><th class=\"num\">APR</th>")
          .append("<th class=\"num\">Minimum a month</th></tr>");
      for (Debt d : s.debts()) {
        h.append("<tr><td>")
            .append(esc(Objects.toString(d.name(), "")))
            .append("</td><td>")
            .append(d.kind())
            .append("</td><td class=\"num\">")
            .append(Figures.money(d.balance()))
            .append("</td><td class=\"num\">")
            .append(d.apr() == null ? "" : Figures.share(d.apr()))
            .append("</td><td class=\"num\">")
            .append(Figures.money(d.minimumPayment()))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
  }

  private void chosen(Chosen c) {
    h.append("<h2>The chosen plan and why</h2>");
    if (c == null) {
      h.append("<p>This version was stored before FinPilot kept the planner's search.</p>");
      return;
    }
    h.append("<p class=\"headline\">Strategy <strong class=\"strategy\">")
        .append(c.strategy())
        .append("</strong>");
    if (c.score() != null) {
      h.append(", score <span class=\"score\">").append(Figures.score(c.score())).append("</span>");
    }
    h.append(", saving <span class=\"monthly-saving\">")
        .append(Figures.money(c.monthlySaving()))
        .append("</span> a month.</p>");
    if (c.description() != null) {
      h.append("<p>").append(esc(c.description())).append("</p>");
    }
    if (c.explanation() == null) {
      h.append("<p>This version was made before FinPilot kept what its projection was computed")
          .append(" from, so it has no written explanation.</p>");
      return;
    }
    for (Explanation.Section section : c.explanation().sections()) {
      h.append("<h3>").append(esc(section.title())).append("</h3>");
      for (String paragraph : section.paragraphs()) {
        h.append("<p>").append(esc(paragraph)).append("</p>");
      }
    }
  }

  private void projection(Projection p) {
    h.append("<h2>Projection</h2>");
    if (p == null) {
      h.append("<p>This version has no projection.</p>");
      return;
    }
    h.append("<p class=\"headline\"><strong class=\"success-probability\">")
        .append(Figures.percent(p.successProbability()))
        .append("</strong> of ")
        .append(p.paths())
        .append(" simulated markets reach ")
        .append(esc(Objects.toString(p.goal(), "the goal")))
        .append(": <span class=\"projection-target\">")
        .append(p.targetAmount() == null ? "" : Figures.money(p.targetAmount()))
        .append("</span> ")
        .append(basis(p.targetBasis()))
        .append(" by ")
        .append(p.targetDate())
        .append(".</p><p class=\"muted\">Model: ")
        .append(esc(Objects.toString(p.model(), "")))
        .append("; seed ")
        .append(p.seed())
        .append(". Wealth below is ")
        .append(basis(p.reportBasis()))
        .append(" at the end of each plan year; the shaded bands are the 10th to 90th and 25th")
        .append(" to 75th percentiles, the line the median, the dashed line the target.</p>")
        .append(FanChart.svg(p))
        .append("<table class=\"bands\"><tr><th class=\"num\">Year</th><th class=\"num\">Age</th>")
        .append("<th class=\"num\">10th</th><th class=\"num\">25th</th>")
        .append("<th class=\"num\">Median</th><th class=\"num\">75th</th>")
        .append("<th class=\"num\">90th</th></tr>");
    for (Band b : p.bands()) {
      h.append("<tr class=\"band\"><td class=\"num year\">")
          .append(b.year())
          .append("</td><td class=\"num age\">")
          .append(b.age())
          .append("</td>");
      cell("p10", b.p10());
      cell("p25", b.p25());
      cell("p50", b.p50());
      cell("p75", b.p75());
      cell("p90", b.p90());
      h.append("</tr>");
    }
    h.append("</table>");
  }

  private void verification(Verification v) {
    h.append("<h2>Verification: findings, limits and sources</h2>");
    if (v == null) {
      h.append("<p>This version has not been verified yet.</p>");
      return;
    }
    h.append("<p class=\"headline\"><strong class=\"outcome\">")
        .append(v.outcome())
        .append("</strong> (tax year ")
        .append(v.taxYear())
        .append("): ")
        .append(esc(v.summary()))
        .append("</p>");
    if (v.findings().isEmpty()) {
      h.append("<p>No rule found anything to report.</p>");
      return;
    }
    h.append("<table class=\"findings\"><tr><th>Rule</th><th>Severity</th><th>Finding</th>")
        .append("<th class=\"num\">Measured</th><th class=\"num\">Limit</th><th>Unit</th>")
        .append("<th>Source</th><th>To clear it</th></tr>");
    for (FindingLine f : v.findings()) {
      h.append("<tr class=\"finding\"><td class=\"code\">")
          .append(f.code())
          .append("</td><td class=\"severity\">")
          .append(f.severity())
          .append("</td><td>")
          .append(esc(f.message()))
          .append("</td><td class=\"num actual\">")
          .append(f.actual().toPlainString())
          .append("</td><td class=\"num limit\">")
          .append(f.limit().toPlainString())
          .append("</td><td>")
          .append(f.unit())
          .append(" (")
          .append(esc(f.measure()))
          .append(")</td><td class=\"source\">")
          .append(esc(f.source()))
          .append("</td><td>")
          .append(esc(f.remediation()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private void alternatives(PlanReport r) {
    h.append("<h2>Alternatives considered</h2>");
    if (r.alternatives().isEmpty()) {
      h.append("<p>The planner's search was not kept for this version.</p>");
      return;
    }
    h.append("<table class=\"alternatives\"><tr><th>Strategy</th><th>Status</th>")
        .append("<th class=\"num\">Score</th><th class=\"num\">Success</th><th>Verifier</th>")
        .append("<th>Why</th></tr>");
    for (Alternative a : r.alternatives()) {
      h.append("<tr class=\"alternative\"><td class=\"strategy\">")
          .append(a.strategy())
          .append(a.chosen() ? " (chosen)" : "")
          .append("</td><td>")
          .append(a.status())
          .append("</td><td class=\"num score\">")
          .append(a.score() == null ? "" : Figures.score(a.score()))
          .append("</td><td class=\"num success\">")
          .append(a.successProbability() == null ? "" : Figures.percent(a.successProbability()))
          .append("</td><td>")
          .append(a.outcome() == null ? "" : esc(a.outcome()))
          .append("</td><td>")
          .append(a.reason() == null ? "" : esc(a.reason()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private void versions(PlanReport r) {
    h.append("<h2>Version history</h2><table class=\"versions\"><tr>")
        .append("<th class=\"num\">Version</th><th>Made</th><th>Status</th><th>Strategy</th>")
        .append("<th class=\"num\">Success</th><th>Verifier</th><th>Reason</th></tr>");
    for (VersionEntry v : r.versions()) {
      h.append("<tr class=\"version-entry\"><td class=\"num\">")
          .append(v.number())
          .append("</td><td>")
          .append(v.createdAt())
          .append("</td><td>")
          .append(v.status())
          .append("</td><td>")
          .append(v.strategy() == null ? "" : v.strategy())
          .append("</td><td class=\"num success\">")
          .append(v.successProbability() == null ? "" : Figures.percent(v.successProbability()))
          .append("</td><td>")
          .append(v.outcome() == null ? "" : v.outcome())
          .append("</td><td>")
          .append(v.reason() == null ? "" : esc(v.reason()))
          .append("</td></tr>");
    }
    h.append("</table><h3>Workflow transitions</h3><table class=\"history\"><tr><th>At</th>")
        .append("<th>From</th><th>To</th><th>Reason</th></tr>");
    for (PlanEvent e : r.history()) {
      h.append("<tr><td>")
          .append(e.at())
          .append("</td><td>")
          .append(e.from() == null ? "" : e.from())
          .append("</td><td>")
          .append(e.to())
          .append("</td><td>")
          .append(e.reason() == null ? "" : esc(e.reason()))
          .append("</td></tr>");
    }
    h.append("</table>");
  }

  private void row(String name, String value) {
    h.append("<tr><th>").append(name).append("</th><td>").append(esc(value)).append("</td></tr>");
  }

  private void cell(String percentile, BigDecimal wholeDollars) {
    h.append("<td class=\"num ")
        .append(percentile)
        .append("\">")
        .append(Figures.dollars(wholeDollars))
        .append("</td>");
  }

  private static String basis(ValueBasis basis) {
    return basis == ValueBasis.NOMINAL ? "nominal" : "in today's dollars";
  }

  private static String esc(String text) {
    return Html.escape(text);
  }
}
