package dev.finpilot.planning;

import dev.finpilot.domain.Plan;

/**
 * A strategy's plan with the working behind it, which the search projects, scores, repairs and
 * explains.
 *
 * @param waterfall where the monthly saving budget goes
 * @param emergencyFund the emergency fund's target and when it is full
 * @param debts the debt payments and their payoff
 * @param primary the goal the plan is projected toward, and the money that reaches it
 * @param otherGoals the goals beside the projected one
 */
record Draft(
    Plan plan,
    Waterfall waterfall,
    EmergencyFund emergencyFund,
    DebtPayoff debts,
    PrimaryGoal primary,
    OtherGoals otherGoals) {}
