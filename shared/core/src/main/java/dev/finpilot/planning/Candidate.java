package dev.finpilot.planning;

import dev.finpilot.domain.Plan;

/**
 * One strategy's outcome in the search.
 *
 * @param score in [0, 1] when the candidate was projected and scored, otherwise null
 * @param successProbability the primary goal's probability of success when projected, otherwise
 *     null
 * @param outcome the verifier's verdict (APPROVED, CONDITIONAL, REJECTED) when verified, otherwise
 *     null
 * @param reason why the candidate has its status
 * @param plan the candidate's plan when one was built, otherwise null
 */
public record Candidate(
    Strategy strategy,
    SearchStatus status,
    Double score,
    Double successProbability,
    String outcome,
    String reason,
    Plan plan) {}
