package dev.finpilot.insight.chat;

import dev.finpilot.domain.GoalType;
import dev.finpilot.goals.FigureReader;
import dev.finpilot.goals.FigureReader.Figure;
import dev.finpilot.goals.Horizon;
import dev.finpilot.insight.PlanSubject;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a move of the goal date in whole years: "retire at 62" (against the age the household
 * reaches on the version's goal date), "retire 3 years earlier", "work two more years", "retire in
 * 2040", "buy the house a year later".
 */
final class GoalDateReading {
  private static final Pattern RETIRE =
      Question.words(
          "retir\\w*|stop(?:ping)?\\s+work(?:ing)?|quit(?:ting)?\\s+work(?:ing)?"
              + "|work(?:ing)?\\s+(?:longer|less|more)|keep\\s+working|work(?:ing)?");

  /** Words that make "N years later" a move of the goal date. */
  private static final Pattern GOAL =
      Question.words(
          "retir\\w*|goal|target\\s+date|buy\\w*|reach\\w*|finish\\w*|pay\\w*\\s+off|work\\w*"
              + "|stop\\w*|quit\\w*|house|home");

  /** Words that make the horizon after them ("at 62", "in 2040") the goal date. */
  private static final Pattern GOAL_DATE =
      Question.words(
          "retir\\w*|stop\\w*\\s+work\\w*|quit\\w*\\s+work\\w*|goal|reach\\w*\\s+(?:my|the)\\s+goal");

  private static final String YEARS = "(?:more\\s+|extra\\s+|additional\\s+)?years?";
  private static final Pattern RELATIVE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?:(?<n>"
              + FigureReader.COUNT
              + "|an?)\\s+"
              + YEARS
              + "\\s+(?<dir>earlier|sooner|early|later|longer|more|before|after|less)"
              + "|(?<dir2>earlier|later|sooner|early)\\s+by\\s+(?<n2>"
              + FigureReader.COUNT
              + "|an?)\\s+years?"
              + "|(?<delay>delay\\w*|postpon\\w*|push\\w*\\s+back|defer\\w*|push\\w*\\s+out)"
              + "\\s+(?:[\\p{L}']+\\s+){0,3}?by\\s+(?<n3>"
              + FigureReader.COUNT
              + "|an?)\\s+years?"
              + "|work(?:ing)?\\s+(?:for\\s+)?(?<n4>"
              + FigureReader.COUNT
              + "|an?)\\s+(?:more|extra|additional)\\s+years?)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SOONER =
      Question.words("earlier|sooner|early|before|less|faster|quicker");
  private static final Pattern LATER =
      Question.words("later|longer|more|after|delay\\w*|postpon\\w*|push\\w*|defer\\w*");
  private static final Pattern AT_AGE_WORDS =
      Question.words("(?:retir\\w*|stop\\w*\\s+work\\w*|quit\\w*\\s+work\\w*)\\s+(?:at|by|when)");

  private GoalDateReading() {}

  static void read(Question q, List<Figure<Horizon>> horizons, Draft d) {
    Matcher relative = RELATIVE.matcher(q.figures().unread());
    while (q.has(GOAL) && relative.find()) {
      // A match across words another topic read ("3 years 30% earlier") is not one phrase.
      if (q.text().substring(relative.start(), relative.end()).equals(relative.group())) {
        relative(q, relative, d);
        return;
      }
    }
    for (Figure<Horizon> h : horizons) {
      if (q.before(h, GOAL_DATE)) {
        absolute(q, h, d);
        return;
      }
    }
    if (q.has(AT_AGE_WORDS)) {
      d.cannotRead("I could not read the retirement age in " + q.quoted() + "; say 'retire at 62'");
    } else if (q.has(RETIRE) && (q.has(SOONER) || q.has(LATER))) {
      d.cannotRead(
          "I could not read how many years earlier or later in "
              + q.quoted()
              + "; say 'retire 3 years earlier' or 'retire at 62'");
    }
  }

  private static void relative(Question q, Matcher m, Draft d) {
    String count = first(m, "n", "n2", "n3", "n4");
    int years = count.toLowerCase(Locale.ROOT).matches("an?") ? 1 : FigureReader.count(count);
    String direction = first(m, "dir", "dir2", "delay", "n4");
    boolean later =
        m.group("delay") != null || m.group("n4") != null || LATER.matcher(direction).matches();
    int goalYears = later ? years : -years;
    q.figures().consume(m.start(), m.end());
    d.changeAsked = true;
    d.goalYears = goalYears;
    d.quote("goalYears", goalYears, m.group().trim(), m.start(), m.end());
    checkStillAhead(q.subject(), goalYears, m.group().trim(), d);
  }

  private static void absolute(Question q, Figure<Horizon> h, Draft d) {
    PlanSubject s = q.subject();
    LocalDate asOf = s.request().asOf();
    LocalDate goalDate = s.projection().targetDate();
    d.changeAsked = true;
    d.use(h);
    int goalYears;
    if (h.value() instanceof Horizon.AtAge atAge) {
      if (s.projection().goalType() != GoalType.RETIREMENT) {
        d.cannotRead(
            "'"
                + h.quote()
                + "' is an age to retire at, but this version's goal is "
                + s.projection().goal()
                + " on "
                + goalDate
                + "; ask to reach it N years earlier or later instead");
        return;
      }
      int age = s.request().state().age();
      long yearsToGoal = ChronoUnit.YEARS.between(asOf, goalDate);
      long goalAge = age + yearsToGoal;
      goalYears = (int) (atAge.age() - goalAge);
      d.note(
          "the version's goal date "
              + goalDate
              + " is at age "
              + goalAge
              + " (age "
              + age
              + " on "
              + asOf
              + " plus "
              + yearsToGoal
              + " whole years), so retiring at "
              + atAge.age()
              + " moves it by "
              + goalYears
              + " years");
    } else if (h.value() instanceof Horizon.Within within) {
      Period p = within.period().normalized();
      if (p.getMonths() != 0) {
        d.cannotRead(
            "a what-if moves the goal by whole years; '" + h.quote() + "' is not a whole number");
        return;
      }
      LocalDate wanted = asOf.plusYears(p.getYears());
      goalYears = wanted.getYear() - goalDate.getYear();
    } else {
      LocalDate wanted = ((Horizon.ByDate) h.value()).date();
      goalYears = wanted.getYear() - goalDate.getYear();
      d.note(
          "'"
              + h.quote()
              + "' moves the goal date "
              + goalDate
              + " by whole calendar years, to "
              + goalDate.plusYears(goalYears));
    }
    d.goalYears = goalYears;
    d.quote("goalYears", goalYears, h);
    checkStillAhead(s, goalYears, h.quote(), d);
  }

  /** The moved goal must still be after the version's as-of date. */
  private static void checkStillAhead(PlanSubject s, int goalYears, String words, Draft d) {
    LocalDate moved = s.projection().targetDate().plusYears(goalYears);
    if (!moved.isAfter(s.request().asOf())) {
      d.cannotRead(
          "'"
              + words
              + "' would put the goal date at "
              + moved
              + ", not after the version's date "
              + s.request().asOf());
    }
  }

  private static String first(Matcher m, String... groups) {
    for (String g : groups) {
      if (m.group(g) != null) {
        return m.group(g);
      }
    }
    throw new IllegalStateException("the pattern matched without a count");
  }
}
