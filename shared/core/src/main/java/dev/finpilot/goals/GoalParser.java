package dev.finpilot.goals;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.RiskTolerance;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads financial goals from plain words, such as "I want to save $100,000 for retirement in 10
 * years" or "retire at 60 with $2M and save $50k for a house in 5 years". Deterministic and
 * rule-based: the same text and context always give the same result. See docs/goal-parsing.md.
 *
 * <p>Text that names no goal at all raises {@link GoalParseException}; anything less certain is
 * returned with lower confidence, the words that were not understood, and warnings. Instances are
 * stateless and safe to share.
 */
public final class GoalParser {
  /** Longer text is refused rather than read slowly; a goal statement is a sentence or two. */
  public static final int MAX_TEXT_LENGTH = 2_000;

  private static final String LOOKED_FOR =
      "looked for a goal word (retire, emergency fund, house, college, pay off, save, invest)"
          + " or an amount ($100,000, 250k, 1.5 million, ₹20L, 1.2 crore)";
  private static final int AGE_DOUBT = 10;
  private static final int QUOTE_LENGTH = 80;

  public ParseResult parse(String text, ParseContext context) {
    Objects.requireNonNull(context, "context");
    if (text == null || text.isBlank()) {
      throw new GoalParseException("the goal text is empty; " + LOOKED_FOR);
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new GoalParseException(
          "the goal text has "
              + text.length()
              + " characters; at most "
              + MAX_TEXT_LENGTH
              + " are read");
    }
    TextMask mask = new TextMask(TextMask.normalize(text));
    Findings overall = new Findings();
    OptionalInt age = currentAge(CurrentAgeReader.consumeAll(mask), context, overall);
    List<ClauseReading> clauses = goalClauses(mask);
    if (clauses.stream().noneMatch(ClauseReading::describesAGoal)) {
      throw new GoalParseException(
          "could not find a financial goal in \"" + quote(text) + "\"; " + LOOKED_FOR);
    }
    GoalAssembler.Setting setting =
        new GoalAssembler.Setting(
            context.asOf(),
            age,
            unmarkedCurrency(clauses, context),
            unmarkedCurrencyReason(clauses, context),
            overallRisk(clauses));
    List<ParsedGoal> goals = clauses.stream().map(c -> GoalAssembler.assemble(c, setting)).toList();
    double weakest = goals.stream().mapToDouble(ParsedGoal::confidence).min().orElse(0);
    double confidence = Math.max(0, weakest - (1 - overall.confidence()));
    return new ParseResult(
        goals, age, setting.overallRisk(), confidence, overall.warnings(), context);
  }

  /**
   * Splits the text into candidate pieces and joins neighbours back unless the later one starts a
   * different goal: it names a different specific goal type, or a second target amount. So "pay off
   * $30k in student loans and credit card debt" stays one goal, while "retire at 60 with $2M and
   * save $50k for a house" becomes two.
   */
  private static List<ClauseReading> goalClauses(TextMask mask) {
    List<Group> groups = new ArrayList<>();
    for (Span piece : ClauseSplitter.split(mask)) {
      ClauseReading reading = ClauseReading.read(mask.slice(piece));
      Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last == null || last.startsNewGoal(reading)) {
        groups.add(new Group(piece, reading));
      } else {
        groups.set(groups.size() - 1, last.join(piece, reading));
      }
    }
    return groups.stream().map(g -> g.reading(mask)).toList();
  }

  /**
   * Neighbouring pieces read as one goal. A piece read alone keeps its reading; joined pieces are
   * read again as a whole, so words in one piece can qualify amounts in the next.
   */
  private record Group(
      Span span, ClauseReading first, boolean joined, boolean hasTarget, Optional<GoalType> type) {

    Group(Span span, ClauseReading reading) {
      this(span, reading, false, reading.hasTarget(), reading.specificType());
    }

    boolean startsNewGoal(ClauseReading next) {
      boolean secondTarget = hasTarget && next.hasTarget();
      boolean otherType =
          type.isPresent() && next.specificType().isPresent() && !type.equals(next.specificType());
      return secondTarget || otherType;
    }

    Group join(Span piece, ClauseReading next) {
      return new Group(
          new Span(span.start(), piece.end()),
          first,
          true,
          hasTarget || next.hasTarget(),
          type.or(next::specificType));
    }

    ClauseReading reading(TextMask mask) {
      return joined ? ClauseReading.read(mask.slice(span)) : first;
    }
  }

  private static OptionalInt currentAge(
      List<Integer> stated, ParseContext context, Findings findings) {
    List<Integer> valid = new ArrayList<>();
    for (int age : stated) {
      if (age < FinancialState.MIN_AGE || age > FinancialState.MAX_AGE) {
        findings.warn(
            "ignored the stated age "
                + age
                + " (outside "
                + FinancialState.MIN_AGE
                + " to "
                + FinancialState.MAX_AGE
                + ")",
            AGE_DOUBT);
      } else {
        valid.add(age);
      }
    }
    if (valid.isEmpty()) {
      return context.currentAge();
    }
    int age = valid.get(0);
    if (valid.stream().distinct().count() > 1) {
      findings.warn("the text states more than one age; used the first, " + age, AGE_DOUBT);
    }
    if (context.currentAge().isPresent() && context.currentAge().getAsInt() != age) {
      findings.warn(
          "the text says the user is "
              + age
              + " but the context says "
              + context.currentAge().getAsInt()
              + "; used "
              + age
              + " from the text",
          AGE_DOUBT);
    }
    return OptionalInt.of(age);
  }

  /** Currencies the amounts in the text carry of their own (signs, currency words, lakh, crore). */
  private static Set<Currency> markedCurrencies(List<ClauseReading> clauses) {
    return clauses.stream()
        .flatMap(c -> c.amounts().stream())
        .flatMap(a -> a.currency().stream())
        .collect(Collectors.toSet());
  }

  /**
   * An amount with no currency follows the others when they agree ("₹20L for a house, 50k ...").
   */
  private static Currency unmarkedCurrency(List<ClauseReading> clauses, ParseContext context) {
    Set<Currency> marked = markedCurrencies(clauses);
    return marked.size() == 1 ? marked.iterator().next() : context.defaultCurrency();
  }

  private static String unmarkedCurrencyReason(List<ClauseReading> clauses, ParseContext context) {
    return markedCurrencies(clauses).size() == 1
        ? "the currency of the other amounts in the text"
        : "the default currency";
  }

  /** One risk level for the whole text when its risk words agree; none when they differ. */
  private static Optional<RiskTolerance> overallRisk(List<ClauseReading> clauses) {
    List<RiskTolerance> levels =
        clauses.stream()
            .flatMap(c -> c.risks().stream())
            .map(RiskWordReader.Reading::level)
            .distinct()
            .toList();
    return levels.size() == 1 ? Optional.of(levels.get(0)) : Optional.empty();
  }

  private static String quote(String text) {
    String trimmed = text.strip();
    return trimmed.length() <= QUOTE_LENGTH ? trimmed : trimmed.substring(0, QUOTE_LENGTH) + "...";
  }
}
