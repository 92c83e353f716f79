package dev.finpilot.verification;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Plan;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.domain.ValidationException;
import dev.finpilot.regulation.RegulatoryTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Verifies plans against US limits for the request's tax year and against household and investment
 * rules. Stateless and thread-safe: build one and share it.
 */
public final class Verifier {
  private final RegulatoryTable table;
  private final VerificationPolicy policy;
  private final List<Rule> rules;

  public Verifier(RegulatoryTable table, VerificationPolicy policy, List<Rule> rules) {
    this.table = Objects.requireNonNull(table, "table");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.rules = List.copyOf(rules);
  }

  /** The shipped regulatory table, the default policy and every standard rule. */
  public static Verifier standard() {
    return standard(VerificationPolicy.defaults());
  }

  public static Verifier standard(VerificationPolicy policy) {
    return new Verifier(RegulatoryTable.usDefault(), policy, standardRules());
  }

  /** The standard rules in report order: legal limits, household, investment, securities. */
  public static List<Rule> standardRules() {
    return List.of(
        new MaxContributionRule(),
        new RothIncomeLimitRule(),
        new RothCatchUpRule(),
        new EarlyWithdrawalRule(),
        new EmergencyFundRule(),
        new DebtToIncomeRule(),
        new CashFlowRule(),
        new RiskToleranceRule(),
        new MarginLimitRule(),
        new ShortHorizonEquityRule(),
        new SuccessProbabilityRule(),
        new PatternDayTraderRule(),
        new AccreditedInvestorRule());
  }

  /**
   * Runs every rule on the plan.
   *
   * @throws ValidationException naming every invalid field of the plan or request
   * @throws dev.finpilot.regulation.UnknownTaxYearException if the tax year has no limits
   */
  public VerificationReport verify(Plan plan, PlanningRequest request) {
    List<FieldError> errors = PlanValidation.validate(plan, request);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    VerificationContext context = new VerificationContext(plan, request, table, policy);
    List<Finding> findings = new ArrayList<>();
    int passed = 0;
    double confidence = 1.0;
    double noRisk = 1.0;
    for (Rule rule : rules) {
      RuleResult result = rule.evaluate(context);
      findings.addAll(result.findings());
      passed += result.passed() ? 1 : 0;
      confidence *= result.confidence();
      for (Finding f : result.findings()) {
        noRisk *= 1.0 - f.severity().riskWeight();
      }
    }
    return new VerificationReport(
        request.taxYear(),
        Outcome.of(findings),
        findings,
        rules.size(),
        passed,
        1.0 - noRisk,
        confidence);
  }

  public List<Rule> rules() {
    return rules;
  }

  public VerificationPolicy policy() {
    return policy;
  }
}
