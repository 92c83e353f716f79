package dev.finpilot.goals;

import dev.finpilot.domain.FinancialState;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.GoalType;
import dev.finpilot.domain.Money;
import dev.finpilot.domain.RiskTolerance;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * Turns what the readers found in one clause into a {@link ParsedGoal}: picks the pieces, checks
 * them against the as-of date and the user's age, and prices every doubt in confidence points.
 */
final class GoalAssembler {
  static final int DEFAULT_EMERGENCY_MONTHS = 6;
  static final int MAX_EXPENSE_MONTHS = 24;

  // Confidence points each doubt costs (of 100). A missing type, amount or horizon costs most
  // because the goal cannot be planned without it; assumptions about wording cost least.
  private static final int NO_GOAL_WORD = 30;
  private static final int NO_AMOUNT = 25;
  private static final int NO_HORIZON = 20;
  private static final int UNUSABLE_HORIZON = 20;
  private static final int AGE_UNKNOWN = 15;
  private static final int GENERIC_WORD_ONLY = 10;
  private static final int PLAIN_NUMBER = 10;
  private static final int SECOND_CHOICE = 10;
  private static final int FILLED_ON_CONVERSION = 10;
  private static final int SOFT_DOUBT = 5;
  private static final int UNREAD_WORDS = 5;
  private static final int MAX_UNREAD_PENALTY = 20;

  /** What holds for the whole text, not just this clause. */
  record Setting(
      LocalDate asOf,
      OptionalInt currentAge,
      Currency unmarkedCurrency,
      String unmarkedCurrencyReason,
      Optional<RiskTolerance> overallRisk) {}

  private GoalAssembler() {}

  static ParsedGoal assemble(ClauseReading clause, Setting setting) {
    Findings findings = new Findings();
    GoalType type = type(clause, findings);
    OptionalInt expenseMonths = expenseMonths(clause, type, findings);
    Optional<Money> target = target(clause, type, expenseMonths, setting, findings);
    Optional<Money> contribution = contribution(clause, setting, findings);
    Optional<Money> saved =
        first(clause, AmountReader.Role.EXISTING, "money already saved", setting, findings);
    noteUnusedAmounts(clause, findings);
    Optional<Horizon> horizon = horizon(clause, type, findings);
    Optional<LocalDate> date = horizon.flatMap(h -> targetDate(h, setting, findings));
    Optional<RiskTolerance> risk = risk(clause, findings).or(setting::overallRisk);
    int unreadPenalty = Math.min(MAX_UNREAD_PENALTY, UNREAD_WORDS * clause.unread().size());
    findings.penalise(unreadPenalty);
    return new ParsedGoal(
        type,
        target,
        horizon,
        date,
        contribution,
        saved,
        risk,
        expenseMonths,
        findings.confidence(),
        clause.text(),
        clause.unread(),
        findings.warnings());
  }

  private static GoalType type(ClauseReading clause, Findings findings) {
    if (clause.type().isEmpty()) {
      findings.warn(
          "no goal word (such as retire, house, college, emergency fund, pay off, save, invest);"
              + " read as savings",
          NO_GOAL_WORD);
      return GoalType.SAVINGS;
    }
    GoalTypeClassifier.Reading reading = clause.type().get();
    if (!reading.specific()) {
      findings.warn(
          "goal type read only from the general word '" + reading.cue() + "'", GENERIC_WORD_ONLY);
    }
    if (!reading.others().isEmpty()) {
      findings.warn(
          "also mentions "
              + reading.others().stream().map(GoalAssembler::name).collect(Collectors.joining(", "))
              + "; read as "
              + name(reading.type())
              + " from '"
              + reading.cue()
              + "'",
          SECOND_CHOICE);
    }
    return reading.type();
  }

  private static OptionalInt expenseMonths(ClauseReading clause, GoalType type, Findings findings) {
    if (clause.expenseMonths().isEmpty()) {
      return OptionalInt.empty();
    }
    int months = clause.expenseMonths().get(0);
    if (clause.expenseMonths().size() > 1) {
      findings.warn("more than one size in months of expenses; used " + months, SOFT_DOUBT);
    }
    if (months < 1 || months > MAX_EXPENSE_MONTHS) {
      findings.warn(
          months + " months of expenses is outside 1 to " + MAX_EXPENSE_MONTHS + "; not used",
          SECOND_CHOICE);
      return OptionalInt.empty();
    }
    if (type != GoalType.EMERGENCY_FUND) {
      findings.warn("a size in months of expenses only applies to an emergency fund", SOFT_DOUBT);
    }
    return OptionalInt.of(months);
  }

  private static Optional<Money> target(
      ClauseReading clause,
      GoalType type,
      OptionalInt expenseMonths,
      Setting setting,
      Findings findings) {
    Optional<Money> target =
        first(clause, AmountReader.Role.TARGET, "target amount", setting, findings);
    if (target.isEmpty() && type == GoalType.EMERGENCY_FUND) {
      findings.warn(
          "no amount: when converted it is "
              + expenseMonths.orElse(DEFAULT_EMERGENCY_MONTHS)
              + " months of essential expenses",
          FILLED_ON_CONVERSION);
    } else if (target.isEmpty()) {
      findings.warn("no target amount (such as $50,000, 250k or ₹20L)", NO_AMOUNT);
    }
    return target;
  }

  private static Optional<Money> contribution(
      ClauseReading clause, Setting setting, Findings findings) {
    List<AmountReader.Mention> mentions = clause.amounts(AmountReader.Role.CONTRIBUTION);
    Optional<Money> first =
        first(clause, AmountReader.Role.CONTRIBUTION, "contribution", setting, findings);
    if (first.isPresent() && mentions.get(0).cadence() == AmountReader.Cadence.YEARLY) {
      Money monthly = first.get().dividedBy(12);
      findings.warn(
          "read the yearly '" + mentions.get(0).phrase() + "' as " + monthly + " a month", 0);
      return Optional.of(monthly);
    }
    return first;
  }

  /** The first amount with the role, warning about later ones and about its own wording. */
  private static Optional<Money> first(
      ClauseReading clause,
      AmountReader.Role role,
      String what,
      Setting setting,
      Findings findings) {
    List<AmountReader.Mention> mentions = clause.amounts(role);
    if (mentions.isEmpty()) {
      return Optional.empty();
    }
    AmountReader.Mention used = mentions.get(0);
    Money money = used.toMoney(setting.unmarkedCurrency());
    for (AmountReader.Mention other : mentions.subList(1, mentions.size())) {
      findings.warn(
          "also mentions '" + other.phrase() + "' as a " + what + "; used the first, " + money,
          SECOND_CHOICE);
    }
    used.notes().forEach(note -> findings.warn(note, SOFT_DOUBT));
    if (used.bare()) {
      findings.warn(
          "read the plain number '" + used.phrase() + "' as an amount of money", PLAIN_NUMBER);
    }
    if (used.currency().isEmpty()) {
      findings.warn(
          "'"
              + used.phrase()
              + "' has no currency; read as "
              + money.currency().getCurrencyCode()
              + " ("
              + setting.unmarkedCurrencyReason()
              + ")",
          SOFT_DOUBT);
    }
    return Optional.of(money);
  }

  private static void noteUnusedAmounts(ClauseReading clause, Findings findings) {
    for (AmountReader.Mention income : clause.amounts(AmountReader.Role.INCOME)) {
      findings.warn("read '" + income.phrase() + "' as income; it is not a goal amount", 0);
    }
    for (AmountReader.Mention spending : clause.amounts(AmountReader.Role.SPENDING)) {
      findings.warn(
          "read '"
              + spending.phrase()
              + "' as spending per period; it is not turned into a target amount",
          SOFT_DOUBT);
    }
  }

  private static Optional<Horizon> horizon(ClauseReading clause, GoalType type, Findings findings) {
    if (clause.horizons().isEmpty()) {
      if (type == GoalType.EMERGENCY_FUND) {
        findings.warn(
            "no horizon: when converted the fund is due in "
                + GoalConverter.EMERGENCY_FUND_MONTHS
                + " months",
            FILLED_ON_CONVERSION);
      } else if (type == GoalType.RETIREMENT) {
        findings.warn(
            "no retirement age or horizon (such as 'at 60' or 'in 25 years'): when converted,"
                + " the planned retirement age is used if it is known",
            NO_HORIZON);
      } else {
        findings.warn("no horizon (such as 'in 5 years', 'by 2035' or 'at 60')", NO_HORIZON);
      }
      return Optional.empty();
    }
    Horizon used = clause.horizons().get(0);
    for (Horizon other : clause.horizons().subList(1, clause.horizons().size())) {
      findings.warn(
          "also mentions '" + other.phrase() + "'; used '" + used.phrase() + "'", SECOND_CHOICE);
    }
    return Optional.of(used);
  }

  private static Optional<LocalDate> targetDate(
      Horizon horizon, Setting setting, Findings findings) {
    if (horizon instanceof Horizon.AtAge atAge) {
      if (setting.currentAge().isEmpty()) {
        findings.warn(
            "'"
                + atAge.phrase()
                + "' needs the user's current age (give it in the context or say 'I'm 35')",
            AGE_UNKNOWN);
        return Optional.empty();
      }
      int now = setting.currentAge().getAsInt();
      if (atAge.age() <= now || atAge.age() > FinancialState.MAX_AGE) {
        findings.warn(
            "target age "
                + atAge.age()
                + " must be after the current age "
                + now
                + " and at most "
                + FinancialState.MAX_AGE,
            UNUSABLE_HORIZON);
        return Optional.empty();
      }
    }
    Optional<LocalDate> date = horizon.resolve(setting.asOf(), setting.currentAge());
    date.ifPresent(
        d -> {
          if (!d.isAfter(setting.asOf())) {
            findings.warn(
                "'" + horizon.phrase() + "' is not after " + setting.asOf(), UNUSABLE_HORIZON);
          } else if (d.isAfter(setting.asOf().plusYears(Goal.MAX_HORIZON_YEARS))) {
            findings.warn(
                "'"
                    + horizon.phrase()
                    + "' is more than "
                    + Goal.MAX_HORIZON_YEARS
                    + " years away, beyond what a plan covers",
                UNUSABLE_HORIZON);
          }
        });
    return date;
  }

  private static Optional<RiskTolerance> risk(ClauseReading clause, Findings findings) {
    for (RiskWordReader.Reading negated :
        clause.risks().stream().filter(RiskWordReader.Reading::negated).toList()) {
      findings.warn("read the negated '" + negated.phrase() + "' as moderate", SOFT_DOUBT);
    }
    List<RiskTolerance> levels =
        clause.risks().stream().map(RiskWordReader.Reading::level).distinct().toList();
    if (levels.size() > 1) {
      RiskTolerance cautious = levels.stream().min(Comparator.naturalOrder()).orElseThrow();
      findings.warn(
          "risk words point different ways ("
              + clause.risks().stream()
                  .map(RiskWordReader.Reading::phrase)
                  .collect(Collectors.joining(", "))
              + "); used the most cautious, "
              + name(cautious),
          SOFT_DOUBT);
      return Optional.of(cautious);
    }
    return levels.stream().findFirst();
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
