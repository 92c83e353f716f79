package dev.finpilot.insight;

import static dev.finpilot.planning.Format.percent;
import static dev.finpilot.planning.Format.score;

import dev.finpilot.insight.Explanation.Fact;
import dev.finpilot.planning.Candidate;
import dev.finpilot.planning.SearchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Why the version's strategy won: every candidate's score, success and status, with its reason. */
final class ExplainedChoice {

  private static final String SEARCH = "the version's planner search (candidates)";

  private ExplainedChoice() {}

  static Explanation.Section of(PlanSubject subject) {
    List<String> paragraphs = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    Optional<Candidate> chosen =
        subject.candidates().stream().filter(c -> c.status() == SearchStatus.CHOSEN).findFirst();
    String strategy = subject.plan().strategy();
    double success = subject.projection().successProbability();
    String opening =
        "The planner chose the "
            + strategy
            + " strategy"
            + (subject.strategy() == null ? "" : " (" + subject.strategy().description() + ")")
            + ": "
            + percent(success)
            + " of the simulated markets reach '"
            + subject.projection().goal()
            + "'";
    facts.add(new Fact("chosen.strategy", strategy, SEARCH));
    facts.add(new Fact("chosen.successProbability", percent(success), "the version's projection"));
    if (chosen.isPresent() && chosen.get().score() != null) {
      boolean passed = !"REJECTED".equals(chosen.get().outcome());
      opening +=
          (passed
                  ? ", with the highest score among the plans that passed, "
                  : ", with the highest score although no plan passed verification, ")
              + score(chosen.get().score());
      facts.add(new Fact("chosen.score", score(chosen.get().score()), SEARCH));
    }
    paragraphs.add(opening + ".");
    Double best = chosen.map(Candidate::score).orElse(null);
    for (Candidate c : subject.candidates()) {
      if (c.status() != SearchStatus.CHOSEN) {
        paragraphs.add(alternative(c, best, facts));
      }
    }
    if (subject.candidates().isEmpty()) {
      paragraphs.add("The version records no other candidates.");
    }
    if (!subject.relaxations().isEmpty()) {
      paragraphs.add(
          "No plan passed verification. What would have to change: "
              + String.join("; ", subject.relaxations())
              + ".");
    }
    return new Explanation.Section("Why this strategy", paragraphs, facts);
  }

  private static String alternative(Candidate c, Double best, List<Fact> facts) {
    String name = c.strategy().name();
    StringBuilder text =
        new StringBuilder(name)
            .append(" was ")
            .append(c.status().name().toLowerCase(Locale.ROOT))
            .append(status(c.status()));
    facts.add(new Fact(name + ".status", c.status().name(), SEARCH));
    if (c.score() != null) {
      text.append(": score ").append(score(c.score()));
      if (best != null && c.score() < best) {
        text.append(" (").append(score(best - c.score())).append(" below the chosen plan)");
      }
      facts.add(new Fact(name + ".score", score(c.score()), SEARCH));
    }
    if (c.successProbability() != null) {
      text.append(c.score() == null ? ": " : ", ")
          .append("success ")
          .append(percent(c.successProbability()));
      facts.add(new Fact(name + ".successProbability", percent(c.successProbability()), SEARCH));
    }
    if (c.outcome() != null) {
      text.append(", verifier ").append(c.outcome());
      facts.add(new Fact(name + ".outcome", c.outcome(), SEARCH));
    }
    String reason = c.reason() == null ? "" : c.reason().strip();
    text.append('.');
    if (!reason.isEmpty()) {
      text.append(' ')
          .append(Character.toUpperCase(reason.charAt(0)))
          .append(reason, 1, reason.length())
          .append(reason.endsWith(".") ? "" : ".");
    }
    return text.toString();
  }

  private static String status(SearchStatus status) {
    return switch (status) {
      case PRUNED -> " (cut before it was projected)";
      case REJECTED -> " (it failed verification)";
      case EXPLORED -> " (built and scored, not chosen)";
      case CHOSEN -> "";
    };
  }
}
