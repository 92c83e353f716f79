package dev.finpilot.goals;

import dev.finpilot.domain.GoalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the goal type from its words. A pay-off verb makes it debt payoff whatever is being paid
 * off ("pay off my mortgage"); otherwise the first specific word wins ("retirement", "house",
 * "college", "emergency fund", "student loans"), then things people save for ("car", "wedding"),
 * and only then the generic verbs "save" and "invest".
 */
final class GoalTypeClassifier {

  /** How much a word says about the goal; lower ordinals win. */
  enum Strength {
    PAYOFF_VERB,
    SPECIFIC,
    SAVINGS_OBJECT,
    GENERIC
  }

  /** What a word says: a goal type and how strongly. */
  record Cue(GoalType type, Strength strength) {}

  /**
   * The type read from a clause.
   *
   * @param cue the word that decided it
   * @param others other specific types the clause also mentions
   */
  record Reading(GoalType type, Strength strength, String cue, List<GoalType> others) {
    boolean specific() {
      return strength != Strength.GENERIC;
    }
  }

  private static final PhraseMatcher<Cue> MATCHER = PhraseMatcher.keywords(cues());

  private GoalTypeClassifier() {}

  static Optional<Reading> consume(TextMask mask) {
    List<PhraseMatcher.Hit<Cue>> hits = MATCHER.consumeAll(mask);
    for (Strength strength : Strength.values()) {
      Optional<PhraseMatcher.Hit<Cue>> first =
          hits.stream().filter(h -> h.value().strength() == strength).findFirst();
      if (first.isPresent()) {
        GoalType type = first.get().value().type();
        List<GoalType> others =
            strength == Strength.PAYOFF_VERB
                ? List.of()
                : hits.stream()
                    .filter(h -> h.value().strength() != Strength.GENERIC)
                    .map(h -> h.value().type())
                    .filter(t -> t != type)
                    .distinct()
                    .toList();
        return Optional.of(new Reading(type, strength, first.get().phrase().trim(), others));
      }
    }
    return Optional.empty();
  }

  private static Map<String, Cue> cues() {
    Map<String, Cue> cues = new LinkedHashMap<>();
    add(
        cues,
        GoalType.DEBT_PAYOFF,
        Strength.PAYOFF_VERB,
        "pay(?:ing)?\\s+(?:(?:it|them|this|that|these|those|everything|all|my\\s+\\p{L}+)\\s+)?"
            + "(?:off|down|back)",
        "paid\\s+off",
        "payoff|pay-off|paydown",
        "repay(?:ing)?",
        "debt[- ]free",
        "get\\s+out\\s+of\\s+debt",
        "eliminat(?:e|ing)",
        "get\\s+rid\\s+of");
    add(
        cues,
        GoalType.RETIREMENT,
        Strength.SPECIFIC,
        "retire|retiring|retired|retirement",
        "pensions?",
        "nest\\s+egg",
        "401\\s*\\(?k\\)?|403\\s*\\(?b\\)?|457\\s*\\(?b\\)?",
        "(?:roth\\s+)?iras?|roth",
        "financial(?:ly)?\\s+independen(?:ce|t)",
        "stop\\s+working");
    add(
        cues,
        GoalType.EMERGENCY_FUND,
        Strength.SPECIFIC,
        "emergency\\s+(?:fund|savings|reserve|cushion|buffer)s?",
        "emergenc(?:y|ies)",
        "rainy[- ]day(?:\\s+fund)?",
        "safety\\s+net",
        "(?:cash\\s+)?(?:cushion|buffer)",
        // Money kept "in cash" is a reserve; paying "in cash" for something is not.
        "cash\\s+reserves?",
        "(?:kept|keep|held|hold|set\\s+aside|put\\s+aside)\\s+in\\s+cash");
    add(
        cues,
        GoalType.HOME_PURCHASE,
        Strength.SPECIFIC,
        "houses?|homes?",
        "down[- ]?payments?",
        "condos?|apartments?|flats?",
        "property|properties|real\\s+estate",
        "mortgages?");
    add(
        cues,
        GoalType.EDUCATION,
        Strength.SPECIFIC,
        "colleges?|tuition|universit(?:y|ies)|schools?|schooling",
        "education(?:al)?|degrees?|mba|grad\\s+school",
        "529(?:\\s+plans?)?");
    add(
        cues,
        GoalType.DEBT_PAYOFF,
        Strength.SPECIFIC,
        "(?:student|college|school|education|car|auto|personal|home|mortgage|payday)\\s+loans?",
        "loans?|debts?|owe|owing",
        "credit[- ]cards?(?:\\s+(?:debt|balances?|bills?))?");
    add(
        cues,
        GoalType.SAVINGS,
        Strength.SAVINGS_OBJECT,
        "cars?|vehicles?|trucks?",
        "vacations?|holidays?|trips?|travel(?:l?ing)?|honeymoon",
        "weddings?|baby|babies",
        "boats?|bikes?|motorcycles?|phones?|laptops?|computers?",
        "furniture|renovations?|remodel(?:l?ing)?|home\\s+(?:renovation|improvements?|repairs?)",
        "sabbatical|gifts?");
    add(
        cues,
        GoalType.GENERAL_INVESTING,
        Strength.GENERIC,
        "invest(?:s|ed|ing|ments?)?",
        "portfolio",
        "(?:grow|build|increase)\\s+(?:my\\s+|our\\s+)?(?:wealth|money|net\\s+worth)",
        "wealth",
        "stocks?|shares|index\\s+funds?|mutual\\s+funds?|etfs?|sips?");
    add(
        cues,
        GoalType.SAVINGS,
        Strength.GENERIC,
        "sav(?:e|es|ed|ing|ings)",
        "set\\s+aside|put\\s+(?:aside|away)|stash",
        "corpus");
    return cues;
  }

  private static void add(
      Map<String, Cue> cues, GoalType type, Strength strength, String... phrases) {
    for (String phrase : phrases) {
      cues.put(phrase, new Cue(type, strength));
    }
  }
}
