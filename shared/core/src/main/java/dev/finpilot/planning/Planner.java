package dev.finpilot.planning;

import dev.finpilot.domain.Account;
import dev.finpilot.domain.Debt;
import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.regulation.RegulatoryTable;
import dev.finpilot.verification.Finding;
import dev.finpilot.verification.RuleCode;
import dev.finpilot.verification.Severity;
import dev.finpilot.verification.VerificationReport;
import dev.finpilot.verification.Verifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Plans by guided search over the {@link Strategy strategies}, with the verifier as the guide and
 * the Monte Carlo engine as the judge (docs/planning.md). Stateless and thread-safe: build one and
 * share it. The same request and options always give the same result.
 */
public final class Planner {
  private final RegulatoryTable table;
  private final Verifier verifier;

  /** The shipped regulatory table and the standard verifier. */
  public Planner() {
    this(RegulatoryTable.usDefault(), Verifier.standard());
  }

  public Planner(RegulatoryTable table, Verifier verifier) {
    this.table = Objects.requireNonNull(table, "table");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** Plans with the default options (10,000 bootstrap paths, seed derived from the request). */
  public PlanningResult plan(PlanningRequest request) {
    return plan(request, PlanningOptions.defaults());
  }

  /**
   * A first plan for the request.
   *
   * @throws ValidationException naming every invalid field of the request
   */
  public PlanningResult plan(PlanningRequest request, PlanningOptions options) {
    return run(request, List.of(), 1, options);
  }

  /**
   * Plans again so that the given verifier findings are resolved. Round 2 is the first replanning
   * round; each later round escalates the changes (more equity removed, more emergency fund), up to
   * {@link PlanningOptions#maxReplanRounds()}. When no plan can pass, the result's relaxations say
   * which constraints would have to change.
   *
   * @throws ValidationException naming every invalid field, including unknown finding codes
   */
  public PlanningResult replan(
      PlanningRequest request,
      List<FindingToResolve> findingsToResolve,
      int round,
      PlanningOptions options) {
    return run(request, findingsToResolve, round, options);
  }

  /** Replans against a verification report's violations (WARNING and worse). */
  public PlanningResult replan(
      PlanningRequest request, VerificationReport report, int round, PlanningOptions options) {
    Objects.requireNonNull(report, "report");
    List<FindingToResolve> findings = new ArrayList<>();
    for (Finding f : report.violations()) {
      findings.add(FindingToResolve.of(f));
    }
    return replan(request, findings, round, options);
  }

  /**
   * The relaxations of a plan that could not pass that can be planned as versions of their own,
   * smallest change first; only those whose projected success reaches the verifier's minimum.
   */
  public List<RelaxationProposal> proposals(PlanningRequest request, List<Relaxation> relaxations) {
    return RelaxationProposal.ranked(
        request, relaxations, verifier.policy().minSuccessProbability());
  }

  private PlanningResult run(
      PlanningRequest request,
      List<FindingToResolve> findings,
      int round,
      PlanningOptions options) {
    Validation v = new Validation();
    v.notNull(options, "options");
    v.require(round >= 1, "round", "must be at least 1, was " + round);
    if (v.notNull(findings, "findings")) {
      v.addAll(validateFindings(findings));
    }
    if (v.notNull(request, "request")) {
      v.addAll(validateRequest(request));
    }
    v.throwIfInvalid();
    int level = Math.min(Math.max(1, round - 1), options.maxReplanRounds());
    return new Search(request, options, verifier, table.year(request.taxYear()), round, level)
        .run(List.copyOf(findings));
  }

  private static List<FieldError> validateFindings(List<FindingToResolve> findings) {
    Validation v = new Validation();
    for (int i = 0; i < findings.size(); i++) {
      String path = "findings[" + i + "]";
      FindingToResolve f = findings.get(i);
      if (!v.notNull(f, path)) {
        continue;
      }
      v.require(
          isName(RuleCode.values(), f.code()),
          path + ".code",
          "must be a rule code such as MAX_CONTRIBUTION_EXCEEDED, was " + f.code());
      v.require(
          isName(Severity.values(), f.severity()),
          path + ".severity",
          "must be INFO, WARNING, ERROR or CRITICAL, was " + f.severity());
    }
    return v.errors();
  }

  private static boolean isName(Enum<?>[] values, String name) {
    for (Enum<?> e : values) {
      if (e.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The request's own validation plus what planning needs: a tax year the table has, within one
   * year of {@code asOf} (so ages carry over), US dollars throughout, and unique debt names (debt
   * payments refer to debts by name).
   */
  private List<FieldError> validateRequest(PlanningRequest request) {
    Validation v = new Validation();
    v.addAll(request.validate());
    if (!v.errors().isEmpty()) {
      return v.errors();
    }
    v.require(
        table.supports(request.taxYear()),
        "taxYear",
        "has no regulatory limits; supported years are "
            + table.supportedYears()
            + ", was "
            + request.taxYear());
    v.require(
        Math.abs(request.taxYear() - request.asOf().getYear()) <= 1,
        "taxYear",
        "must be within one year of asOf ("
            + request.asOf().getYear()
            + "), was "
            + request.taxYear());
    FinancialState state = request.state();
    usd(v, state.annualIncome(), "state.annualIncome");
    usd(v, state.expenses().essential(), "state.expenses.essential");
    usd(v, state.expenses().discretionary(), "state.expenses.discretionary");
    usd(v, state.expenses().housing(), "state.expenses.housing");
    for (int i = 0; i < state.accounts().size(); i++) {
      Account a = state.accounts().get(i);
      usd(v, a.balance(), "state.accounts[" + i + "].balance");
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < state.debts().size(); i++) {
      Debt d = state.debts().get(i);
      usd(v, d.balance(), "state.debts[" + i + "].balance");
      usd(v, d.minimumPayment(), "state.debts[" + i + "].minimumPayment");
      v.require(
          names.add(d.name()), "state.debts[" + i + "].name", "must be unique, was " + d.name());
    }
    for (int i = 0; i < request.goals().size(); i++) {
      usd(v, request.goals().get(i).targetAmount(), "goals[" + i + "].targetAmount");
    }
    return v.errors();
  }

  private static void usd(Validation v, Money amount, String field) {
    v.require(
        amount.currency().equals(Money.USD),
        field,
        "must be in USD for US planning, was " + amount.currency().getCurrencyCode());
  }
}
