package dev.finpilot.regulation;

/**
 * Phase-outs of the traditional IRA deduction when the contributor (or the spouse) is covered by a
 * workplace retirement plan. Above the range contributions are still allowed but not deductible.
 */
public record TraditionalIraDeductionPhaseOuts(
    PhaseOut singleCovered,
    PhaseOut marriedJointContributorCovered,
    PhaseOut marriedJointSpouseCovered,
    Citation source) {}
