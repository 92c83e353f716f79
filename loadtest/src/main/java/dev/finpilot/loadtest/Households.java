package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.messaging.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The planning requests of the virtual users: households that differ in age, income, spending,
 * savings, debts and goals, drawn deterministically from the run's seed and the user's index, in
 * the shape of {@code POST /v1/plans} (docs/api.md).
 */
final class Households {

  private static final String[] FILING = {"SINGLE", "MARRIED_FILING_JOINTLY", "HEAD_OF_HOUSEHOLD"};
  private static final String[] RISK = {"CONSERVATIVE", "MODERATE", "AGGRESSIVE"};

  private final long seed;
  private final LocalDate today;

  Households(long seed, LocalDate today) {
    this.seed = seed;
    this.today = today;
  }

  ObjectNode request(int user) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + user);
    int age = random.nextInt(24, 59);
    int retirementAge = Math.max(age + 5, random.nextInt(58, 68));
    long income = round(random.nextLong(48_000, 240_000), 1_000);
    BigDecimal monthly =
        BigDecimal.valueOf(income).divide(BigDecimal.valueOf(12), RoundingMode.HALF_UP);
    BigDecimal essential = share(monthly, random, 0.26, 0.36);
    BigDecimal housing = share(essential, random, 0.38, 0.55);
    BigDecimal discretionary = share(monthly, random, 0.06, 0.13);

    ObjectNode state = Json.mapper().createObjectNode();
    state.put("age", age);
    state.put("filingStatus", FILING[random.nextInt(FILING.length)]);
    state.set("annualIncome", money(BigDecimal.valueOf(income)));
    ObjectNode expenses = state.putObject("expenses");
    expenses.set("essential", money(essential));
    expenses.set("discretionary", money(discretionary));
    expenses.set("housing", money(housing));
    ArrayNode accounts = state.putArray("accounts");
    account(accounts, "checking", "CASH", share(monthly, random, 0.5, 4.0));
    account(accounts, "work-401k", "EMPLOYER_401K", yearsOfSaving(income, age, random, 0.5));
    if (random.nextBoolean()) {
      account(accounts, "roth", "ROTH_IRA", yearsOfSaving(income, age, random, 0.15));
    }
    if (random.nextInt(3) == 0) {
      account(accounts, "brokerage", "TAXABLE_BROKERAGE", yearsOfSaving(income, age, random, 0.1));
    }
    if (random.nextInt(4) != 0) {
      ObjectNode match = state.putObject("employerMatch");
      match.put("matchRate", random.nextBoolean() ? "0.50" : "1.00");
      match.put("upToShareOfSalary", random.nextBoolean() ? "0.06" : "0.04");
    }
    ArrayNode debts = state.putArray("debts");
    if (random.nextBoolean()) {
      debt(debts, "Credit card", "CREDIT_CARD", round(random.nextLong(800, 9_000), 100), "0.2290");
    }
    if (random.nextInt(3) == 0) {
      debt(debts, "Car loan", "AUTO_LOAN", round(random.nextLong(5_000, 28_000), 100), "0.0590");
    }
    state.put("dependents", random.nextInt(0, 4));
    state.put("riskTolerance", RISK[random.nextInt(RISK.length)]);
    state.put("plannedRetirementAge", retirementAge);

    ObjectNode request = Json.mapper().createObjectNode();
    ArrayNode goals = request.putArray("goals");
    long retirementTarget = round(income * random.nextLong(8, 15), 10_000);
    goal(goals, "RETIREMENT", retirementTarget, today.plusYears(retirementAge - age), 1);
    goal(
        goals,
        "EMERGENCY_FUND",
        essential.add(discretionary).multiply(BigDecimal.valueOf(6)).longValue(),
        today.plusMonths(random.nextInt(12, 36)),
        2);
    switch (random.nextInt(4)) {
      case 0 ->
          goal(
              goals,
              "HOME_PURCHASE",
              round(income * random.nextLong(4, 9) / 10, 1_000),
              today.plusYears(random.nextInt(3, 8)),
              3);
      case 1 ->
          goal(
              goals,
              "EDUCATION",
              round(random.nextLong(20_000, 80_000), 1_000),
              today.plusYears(random.nextInt(6, 16)),
              3);
      case 2 ->
          goal(
              goals,
              "SAVINGS",
              round(random.nextLong(10_000, 60_000), 1_000),
              today.plusYears(random.nextInt(2, 6)),
              3);
      default -> {
        // Two goals are enough for this household.
      }
    }
    request.set("state", state);
    request.put("taxYear", today.getYear());
    return request;
  }

  /** The life event user {@code index} reports, one of the kinds that reviews the plan. */
  ObjectNode lifeEvent(int user) {
    SplittableRandom random = new SplittableRandom(seed * 7_919L + user);
    ObjectNode event = Json.mapper().createObjectNode();
    switch (random.nextInt(4)) {
      case 0 -> event.put("type", "JOB_LOSS");
      case 1 -> {
        event.put("type", "INCOME_CHANGE");
        event.put("incomeChangePercent", random.nextBoolean() ? -20 : 15);
      }
      case 2 -> event.put("type", "NEW_DEPENDENT");
      default -> {
        event.put("type", "WINDFALL");
        event.set("amount", money(BigDecimal.valueOf(round(random.nextLong(5_000, 60_000), 500))));
      }
    }
    return event;
  }

  private static long round(long value, long unit) {
    return Math.max(unit, value / unit * unit);
  }

  private static BigDecimal share(BigDecimal of, SplittableRandom random, double low, double high) {
    return of.multiply(BigDecimal.valueOf(low + random.nextDouble() * (high - low)))
        .setScale(0, RoundingMode.HALF_UP)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal yearsOfSaving(
      long income, int age, SplittableRandom random, double rate) {
    long years = Math.max(0, age - 23);
    return BigDecimal.valueOf(
            round((long) (income * rate * years * random.nextDouble(0.1, 0.4)), 100))
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  private static ObjectNode money(BigDecimal amount) {
    ObjectNode money = Json.mapper().createObjectNode();
    money.put("amount", amount.setScale(2, RoundingMode.HALF_UP).toPlainString());
    money.put("currency", "USD");
    return money;
  }

  private static void account(ArrayNode accounts, String id, String type, BigDecimal balance) {
    ObjectNode account = accounts.addObject();
    account.put("id", id);
    account.put("type", type);
    account.set("balance", money(balance));
  }

  private static void debt(ArrayNode debts, String name, String kind, long balance, String apr) {
    ObjectNode debt = debts.addObject();
    debt.put("name", name);
    debt.put("kind", kind);
    debt.set("balance", money(BigDecimal.valueOf(balance)));
    debt.put("apr", apr);
    debt.set("minimumPayment", money(BigDecimal.valueOf(Math.max(25, balance / 40))));
  }

  private static void goal(
      ArrayNode goals, String type, long target, LocalDate date, int priority) {
    ObjectNode goal = goals.addObject();
    goal.put("type", type);
    goal.set("targetAmount", money(BigDecimal.valueOf(target)));
    goal.put("basis", "TODAYS_DOLLARS");
    goal.put("targetDate", date.toString());
    goal.put("priority", priority);
  }
}
