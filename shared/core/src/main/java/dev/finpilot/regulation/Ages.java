package dev.finpilot.regulation;

/**
 * Statutory catch-up ages. All limits take the age attained by December 31 of the tax year, so a
 * person who turns 50 on December 31 gets the full catch-up for that whole year.
 */
public final class Ages {

  /** IRC 414(v): catch-up contributions to employer plans and IRAs from the year one turns 50. */
  public static final int CATCH_UP = 50;

  /** SECURE 2.0 section 109: the larger catch-up applies in the years one turns 60 through 63. */
  public static final int SUPER_CATCH_UP_FIRST = 60;

  public static final int SUPER_CATCH_UP_LAST = 63;

  static final int MAX_AGE = 130;

  private Ages() {}

  static void require(int age) {
    if (age < 0 || age > MAX_AGE) {
      throw new IllegalArgumentException("age: must be between 0 and " + MAX_AGE + ", was " + age);
    }
  }

  static boolean inSuperCatchUpYears(int age) {
    return age >= SUPER_CATCH_UP_FIRST && age <= SUPER_CATCH_UP_LAST;
  }
}
