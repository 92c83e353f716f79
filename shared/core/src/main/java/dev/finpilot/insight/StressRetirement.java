package dev.finpilot.insight;

/**
 * The retirement stressed after a retirement goal's date: the household's current spending (the
 * request's monthly expenses, essential plus discretionary, x 12) withdrawn each year in today's
 * dollars, rising with inflation, from the goal age until {@code untilAge}.
 */
public record StressRetirement(double annualSpending, int fromAge, int untilAge, String basis) {}
