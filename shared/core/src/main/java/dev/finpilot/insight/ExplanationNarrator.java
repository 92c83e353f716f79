package dev.finpilot.insight;

/**
 * Rewrites an explanation's paragraphs in other words, for example with a language model such as
 * Amazon Bedrock. Off by default: {@link #DETERMINISTIC} keeps the text as written, and nothing in
 * FinPilot needs any other narrator. A narrator receives the deterministic explanation and may only
 * rephrase its paragraphs: {@link Explainer#explain(PlanSubject, ExplanationNarrator)} refuses an
 * answer that changes the sections' titles or facts, so no number can be invented on the way.
 */
@FunctionalInterface
public interface ExplanationNarrator {

  /** The default: the explanation exactly as {@link Explainer} wrote it. */
  ExplanationNarrator DETERMINISTIC = explanation -> explanation;

  Explanation narrate(Explanation explanation);
}
