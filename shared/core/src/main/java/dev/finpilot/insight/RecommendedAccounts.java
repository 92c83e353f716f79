package dev.finpilot.insight;

import static dev.finpilot.insight.ExplanationText.percent;
import static dev.finpilot.planning.Format.dollars;

import dev.finpilot.domain.AccountType;
import dev.finpilot.domain.EmployerMatch;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.HsaCoverage;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.regulation.Citation;
import dev.finpilot.regulation.Cited;
import dev.finpilot.regulation.TaxYearLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The employer match left unclaimed and the tax-advantaged room left this tax year, each against
 * what the version's plan already contributes.
 */
final class RecommendedAccounts {

  static final Citation EMPLOYER_MATCH =
      new Citation(
          "guideline_employer_match",
          "planning guideline: always take the full 401(k) match, an instant 50-100% return"
              + " (FinPilot finance research, section 2.5)");

  private static final String REQUEST = "the version's request";
  private static final String PLAN = "the version's plan";

  private final PlanSubject subject;
  private final FinancialState state;
  private final Plan plan;

  RecommendedAccounts(PlanSubject subject) {
    this.subject = subject;
    this.state = subject.request().state();
    this.plan = subject.plan();
  }

  /** The match dollars a year the plan's deferral leaves on the table. */
  Optional<Recommendation> employerMatch() {
    EmployerMatch match = state.employerMatch();
    if (!match.offered() || !state.annualIncome().isPositive()) {
      return Optional.empty();
    }
    Money full = match.monthlyDeferralForFullMatch(state.annualIncome());
    Money deferral = employerPlanMonthly();
    if (!deferral.isLessThan(full)) {
      return Optional.empty();
    }
    Money gap = full.minus(deferral);
    Money lostPerYear = gap.times(match.matchRate()).times(12);
    String formula =
        percent(match.matchRate())
            + " of deferrals up to "
            + percent(match.upToShareOfSalary())
            + " of pay";
    List<Fact> data =
        List.of(
            new Fact("match", formula, REQUEST),
            new Fact("annualIncome", dollars(state.annualIncome()), REQUEST),
            new Fact(
                "fullMatchDeferral", full.formatted() + " a month", "income x up-to share / 12"),
            new Fact("plan.deferral", deferral.formatted() + " a month", PLAN),
            new Fact("matchLeftPerYear", dollars(lostPerYear), "deferral gap x match rate x 12"));
    Money extra = gap.plus(gap.times(match.matchRate()));
    return Optional.of(
        new Recommendation(
            0,
            Recommendation.Kind.EMPLOYER_MATCH,
            "Capture the full employer match: "
                + dollars(lostPerYear)
                + " a year left on the table",
            "The employer matches "
                + formula
                + ": deferring "
                + full.formatted()
                + " a month captures all of it. The plan defers "
                + deferral.formatted()
                + " a month, leaving "
                + dollars(lostPerYear)
                + " of match a year unclaimed; raise the deferral by "
                + gap.formatted()
                + " a month.",
            lostPerYear,
            "match dollars a year left unclaimed",
            "defer at least the amount that captures the whole employer match",
            EMPLOYER_MATCH,
            data,
            retirementChange(extra),
            retirementNote(extra, "the extra deferral and the match it earns")));
  }

  /** HSA, IRA and 401(k) room left this tax year at the plan's contributions. */
  List<Recommendation> room(TaxYearLimits limits) {
    PlanningRequest request = subject.request();
    int age = state.age() + (request.taxYear() - request.asOf().getYear());
    List<Recommendation> out = new ArrayList<>();
    if (state.hsaCoverage() != HsaCoverage.NONE) {
      Cited<Money> hsa = limits.hsaLimit(state.hsaCoverage(), age);
      roomLeft(
              Recommendation.Kind.HSA_ROOM,
              "HSA",
              hsa,
              plan.monthlyContribution(AccountType.HSA),
              age)
          .ifPresent(out::add);
    }
    Cited<Money> ira = capped(limits.iraLimit(age));
    Money iraMonthly =
        plan.monthlyContribution(AccountType.TRADITIONAL_IRA)
            .plus(plan.monthlyContribution(AccountType.ROTH_IRA));
    roomLeft(Recommendation.Kind.IRA_ROOM, "IRA", ira, iraMonthly, age).ifPresent(out::add);
    if (hasEmployerPlan()) {
      Cited<Money> deferral = capped(limits.employerPlanDeferralLimit(age));
      roomLeft(
              Recommendation.Kind.EMPLOYER_PLAN_ROOM,
              "401(k)/403(b)",
              deferral,
              employerPlanMonthly(),
              age)
          .ifPresent(out::add);
    }
    return out;
  }

  private Optional<Recommendation> roomLeft(
      Recommendation.Kind kind, String account, Cited<Money> limit, Money monthly, int age) {
    Money planned = monthly.times(12);
    Money room = limit.value().minus(planned);
    // Monthly amounts are the limit over twelve rounded down, so a full plan leaves a few cents.
    Money perMonth = Money.usd(room.amount().divide(BigDecimal.valueOf(12), 2, RoundingMode.DOWN));
    if (!perMonth.isPositive()) {
      return Optional.empty();
    }
    int year = subject.request().taxYear();
    List<Fact> data = new ArrayList<>();
    data.add(new Fact("limit", dollars(limit.value()), limit.source().text()));
    data.add(new Fact("ageForLimits", Integer.toString(age), "age attained by December 31"));
    data.add(new Fact("plan.perYear", dollars(planned), PLAN));
    data.add(new Fact("room", dollars(room), "limit - 12 x the plan's monthly contribution"));
    String detail =
        dollars(room)
            + " of "
            + account
            + " room is left for tax year "
            + year
            + ": the limit is "
            + dollars(limit.value())
            + " at age "
            + age
            + " (source: "
            + limit.source().text()
            + ") and the plan contributes "
            + dollars(planned)
            + " a year.";
    Money taxable = plan.monthlyContribution(AccountType.TAXABLE_BROKERAGE);
    if (taxable.isPositive()) {
      data.add(new Fact("plan.monthlyToTaxable", taxable.formatted(), PLAN));
      detail +=
          " The plan puts "
              + taxable.formatted()
              + " a month in the taxable account: fill the "
              + account
              + " before investing taxable.";
    }
    return Optional.of(
        new Recommendation(
            0,
            kind,
            dollars(room) + " of " + account + " room left for " + year,
            detail,
            room,
            "room left this tax year at the plan's contributions",
            "use the " + account + "'s tax-advantaged room before taxable investing",
            limit.source(),
            data,
            retirementChange(perMonth),
            retirementNote(perMonth, "saving the room, " + perMonth.formatted() + " a month,")));
  }

  /** Tax-advantaged retirement money counts toward the projection only for a retirement goal. */
  private Change retirementChange(Money monthly) {
    return isRetirement() ? new Change(null, monthly, null, null, null, null) : null;
  }

  private String retirementNote(Money monthly, String what) {
    String goal = subject.projection().goal();
    return isRetirement()
        ? "Projects "
            + what
            + " as "
            + monthly.formatted()
            + " more a month toward '"
            + goal
            + "', if the budget allows it."
        : "This account saves for retirement, and the version projects '"
            + goal
            + "', so there is nothing to project.";
  }

  private boolean isRetirement() {
    return subject.projection().goalType() == GoalType.RETIREMENT;
  }

  private boolean hasEmployerPlan() {
    return state.employerMatch().offered()
        || state.accounts().stream().anyMatch(a -> a.type().isEmployerPlan());
  }

  private Money employerPlanMonthly() {
    return plan.monthlyContribution(AccountType.EMPLOYER_401K)
        .plus(plan.monthlyContribution(AccountType.EMPLOYER_403B));
  }

  /** 401(k) and IRA contributions are also limited to taxable compensation. */
  private Cited<Money> capped(Cited<Money> limit) {
    return new Cited<>(limit.value().min(state.annualIncome()), limit.source());
  }
}
