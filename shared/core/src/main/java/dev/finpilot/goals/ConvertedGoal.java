package dev.finpilot.goals;

import dev.finpilot.domain.Goal;
import java.util.List;
import java.util.Objects;

/**
 * A planning goal made from a parsed one, with every assumption made on the way (for example "6
 * months of essential expenses, 6 x USD 3000.00") so the user can see and correct it.
 */
public record ConvertedGoal(Goal goal, List<String> assumptions) {

  public ConvertedGoal {
    Objects.requireNonNull(goal, "goal");
    assumptions = List.copyOf(assumptions);
  }
}
