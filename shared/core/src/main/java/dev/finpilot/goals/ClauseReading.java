package dev.finpilot.goals;

import dev.finpilot.domain.GoalType;
import java.util.List;
import java.util.Optional;

/**
 * Everything the readers found in one clause, before any interpretation. Readers run in a fixed
 * order over a shared mask, so each stretch of text is read once: sizes in months of expenses first
 * (so "6 months of expenses" is not a horizon), then goal words (so "401k" is not an amount),
 * horizons (so "by 2035" is not an amount), amounts, and risk words last.
 */
record ClauseReading(
    String text,
    List<Integer> expenseMonths,
    Optional<GoalTypeClassifier.Reading> type,
    List<Horizon> horizons,
    List<AmountReader.Mention> amounts,
    List<RiskWordReader.Reading> risks,
    List<String> unread) {

  static ClauseReading read(TextMask mask) {
    List<Integer> expenseMonths = ExpenseMonthsReader.consumeAll(mask);
    Optional<GoalTypeClassifier.Reading> type = GoalTypeClassifier.consume(mask);
    List<Horizon> horizons = HorizonReader.consumeAll(mask);
    List<AmountReader.Mention> amounts = AmountReader.consumeAll(mask);
    List<RiskWordReader.Reading> risks = RiskWordReader.consumeAll(mask);
    return new ClauseReading(
        mask.text().trim(), expenseMonths, type, horizons, amounts, risks, mask.unreadFragments());
  }

  List<AmountReader.Mention> amounts(AmountReader.Role role) {
    return amounts.stream().filter(a -> a.role() == role).toList();
  }

  boolean hasTarget() {
    return !amounts(AmountReader.Role.TARGET).isEmpty();
  }

  /** The goal type when a word names it specifically; "save" and "invest" alone do not. */
  Optional<GoalType> specificType() {
    return type.filter(GoalTypeClassifier.Reading::specific).map(GoalTypeClassifier.Reading::type);
  }

  /** Whether this says anything about a goal: a goal word, a target or a contribution. */
  boolean describesAGoal() {
    return type.isPresent() || hasTarget() || !amounts(AmountReader.Role.CONTRIBUTION).isEmpty();
  }
}
