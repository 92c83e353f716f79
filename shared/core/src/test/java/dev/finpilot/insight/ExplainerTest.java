package dev.finpilot.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.domain.Money;
import dev.finpilot.domain.PlanStep;
import dev.finpilot.planning.Candidate;
import dev.finpilot.planning.SearchStatus;
import dev.finpilot.verification.Finding;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExplainerTest {

  /** Households whose reports between them carry findings of several codes and severities. */
  static List<PlanSubject> subjects;

  @BeforeAll
  static void plan() {
    RecommendHouseholds lowSuccess = new RecommendHouseholds().cash(20_000);
    lowSuccess.retirementTarget = Money.usd(4_000_000);
    subjects =
        List.of(
            new RecommendHouseholds().subject(),
            new RecommendHouseholds().cash(0).card(6_000, "0.24", 180).subject(),
            new RecommendHouseholds().cash(0).card(30_000, "0.24", 2_200).subject(),
            lowSuccess.subject());
  }

  @Test
  void everyExplanationNamesEveryVerificationCodeOfItsVersionsReport() {
    Set<String> seen =
        subjects.stream()
            .flatMap(s -> s.verification().findings().stream())
            .map(f -> f.code().name())
            .collect(Collectors.toSet());
    assertThat(seen).hasSizeGreaterThanOrEqualTo(2);
    for (PlanSubject s : subjects) {
      String text = Explainer.explain(s).text();
      for (Finding f : s.verification().findings()) {
        assertThat(text).contains(f.code().name() + " (" + f.severity() + ")", f.source().text());
      }
    }
  }

  @Test
  void everyCandidateIsNamedWithItsStatusScoreSuccessAndReason() {
    for (PlanSubject s : subjects) {
      String text = Explainer.explain(s).text();
      for (Candidate c : s.candidates()) {
        assertThat(text).contains(c.strategy().name());
        if (c.status() != SearchStatus.CHOSEN) {
          assertThat(text)
              .contains(c.strategy().name() + " was " + c.status().name().toLowerCase(Locale.ROOT));
          assertThat(text).contains(c.reason().strip().substring(1));
        }
        if (c.score() != null) {
          assertThat(text).contains(String.format(Locale.US, "%.3f", c.score()));
        }
        if (c.successProbability() != null) {
          assertThat(text)
              .contains(String.format(Locale.US, "%.1f%%", c.successProbability() * 100));
        }
      }
    }
  }

  @Test
  void everyStepAndTheProjectionsNumbersAreInTheText() {
    PlanSubject s = subjects.get(1);
    String text = Explainer.explain(s).text();
    for (PlanStep step : s.plan().steps()) {
      assertThat(text).contains(step.date() + ": " + step.action());
    }
    assertThat(text)
        .contains(
            String.format(Locale.US, "%.1f%%", s.projection().successProbability() * 100),
            "seed " + s.projection().seed(),
            "$1,500,000",
            "70% cap for a moderate investor",
            // The tax year's limits with their sources, from the regulatory table.
            "HSA $4,400 (source: IRS Rev. Proc. 2025-19 (2026 HSA/HDHP))");
  }

  @Test
  void everyFactIsWrittenInItsSectionsParagraphs() {
    for (PlanSubject s : subjects) {
      for (Explanation.Section section : Explainer.explain(s).sections()) {
        String paragraphs = String.join("\n", section.paragraphs()).toLowerCase(Locale.ROOT);
        for (Explanation.Fact fact : section.facts()) {
          assertThat(paragraphs).as(fact.name()).contains(fact.value().toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  @Test
  void theSameVersionAlwaysGetsTheSameExplanation() {
    PlanSubject s = subjects.get(2);
    Explanation first = Explainer.explain(s);

    assertThat(Explainer.explain(s)).isEqualTo(first);
    assertThat(
            Explainer.explain(
                    new RecommendHouseholds().cash(0).card(30_000, "0.24", 2_200).subject())
                .text())
        .isEqualTo(first.text());
    assertThat(first.sections())
        .extracting(Explanation.Section::title)
        .containsExactly(
            "Why this strategy",
            "What each step does and why now",
            "The main risks",
            "The rules that shaped it");
  }

  @Test
  void aNarratorMayRephraseParagraphsButNotChangeTheFacts() {
    PlanSubject s = subjects.get(0);
    ExplanationNarrator shouting =
        e ->
            new Explanation(
                e.version(),
                e.strategy(),
                e.sections().stream()
                    .map(
                        sec ->
                            new Explanation.Section(
                                sec.title(),
                                sec.paragraphs().stream()
                                    .map(p -> p.toUpperCase(Locale.ROOT))
                                    .toList(),
                                sec.facts()))
                    .toList());
    ExplanationNarrator inventing =
        e ->
            new Explanation(
                e.version(),
                e.strategy(),
                List.of(
                    new Explanation.Section(
                        "Why this strategy",
                        List.of("It is great."),
                        List.of(new Explanation.Fact("made.up", "99%", "nowhere")))));

    Explanation written = Explainer.explain(s);
    Explanation narrated = Explainer.explain(s, shouting);

    assertThat(narrated.facts()).isEqualTo(written.facts());
    assertThat(narrated.sections().get(0).paragraphs().get(0))
        .isEqualTo(written.sections().get(0).paragraphs().get(0).toUpperCase(Locale.ROOT))
        .isNotEqualTo(written.sections().get(0).paragraphs().get(0));
    assertThatThrownBy(() -> Explainer.explain(s, inventing))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aVersionNotYetVerifiedAndWithoutCandidatesIsExplainedWithWhatItHas() {
    PlanSubject s = subjects.get(0);
    PlanSubject bare =
        new PlanSubject(
            s.version(),
            s.request(),
            s.plan(),
            null,
            List.of(),
            List.of("Increase monthly savings by $100"),
            s.projection(),
            null,
            null);

    String text = Explainer.explain(bare).text();

    assertThat(text)
        .contains(
            "The version records no other candidates.",
            "No plan passed verification. What would have to change: Increase monthly savings by"
                + " $100.",
            "The version has not been verified yet");
    assertThat(Recommender.recommend(bare)).noneMatch(r -> r.kind() == Recommendation.Kind.FINDING);
  }
}
