package dev.finpilot.insight;

import dev.finpilot.domain.Money;
import dev.finpilot.regulation.Citation;
import java.util.List;
import java.util.Objects;

/**
 * One thing the plan's owner can do next, tied to a rule, a number and the data behind it.
 *
 * @param rank 1 is the first thing to do (docs/insight.md section 5 gives the ranking rule)
 * @param title the action in a few words, with its number
 * @param detail the action with the data behind it, in a sentence or two
 * @param amount the recommendation's number in dollars: the gap, the yearly cost or the room; null
 *     for a finding measured in another unit
 * @param measure what {@code amount} measures
 * @param rule the rule applied, in words
 * @param source where the rule or its limit comes from
 * @param data the figures behind the detail
 * @param tryIt the what-if that shows the recommendation's effect on the projection, or null
 * @param tryItNote what {@code tryIt} projects, or why there is none
 */
public record Recommendation(
    int rank,
    Kind kind,
    String title,
    String detail,
    Money amount,
    String measure,
    String rule,
    Citation source,
    List<Explanation.Fact> data,
    Change tryIt,
    String tryItNote) {

  public Recommendation {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(tryItNote, "tryItNote");
    data = List.copyOf(data);
  }

  /** What a recommendation is about, with its ranking tier (1 first). */
  public enum Kind {
    EMERGENCY_FUND(1),
    HIGH_INTEREST_DEBT(1),
    EMPLOYER_MATCH(2),
    HSA_ROOM(3),
    IRA_ROOM(3),
    EMPLOYER_PLAN_ROOM(3),
    SUCCESS_PROBABILITY(4),
    FINDING(5);

    private final int tier;

    Kind(int tier) {
      this.tier = tier;
    }

    public int tier() {
      return tier;
    }
  }

  Recommendation ranked(int newRank) {
    return new Recommendation(
        newRank, kind, title, detail, amount, measure, rule, source, data, tryIt, tryItNote);
  }
}
