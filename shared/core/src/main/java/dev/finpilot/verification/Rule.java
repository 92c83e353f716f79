package dev.finpilot.verification;

/**
 * One verification check. Rules are stateless and deterministic: the same context always gives the
 * same result, and a rule never throws for valid input.
 */
public interface Rule {

  /** The code of every finding this rule emits. */
  RuleCode code();

  RuleResult evaluate(VerificationContext context);
}
