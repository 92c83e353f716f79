package dev.finpilot.execution;

import dev.finpilot.domain.FieldError;
import dev.finpilot.domain.Validation;
import dev.finpilot.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything the ledger needs to carry out one execution for one user: the steps, the plan version
 * they implement, and the idempotency key that makes a redelivered request a no-op.
 *
 * @param planId the plan the steps implement; empty for an operation outside any plan (then {@code
 *     planVersion} is 0)
 * @param idempotencyKey a business key, unique per user, such as {@code plan-42#v3#execute}; never
 *     include a retry counter in it
 * @param dryRun compute the outcome and resulting balances without posting anything
 */
public record ExecutionRequest(
    String userId,
    String planId,
    int planVersion,
    String idempotencyKey,
    List<LedgerStep> steps,
    boolean dryRun) {

  /**
   * Keeps one execution within a single DynamoDB transaction (100 items): each step and its
   * possible reversal is an item, plus the execution record, the books and the accounts.
   */
  public static final int MAX_STEPS = 40;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:#/@=+-]{1,200}");

  public ExecutionRequest {
    // Copied without List.copyOf, which throws on a null element: validation names it instead.
    steps = steps == null ? null : Collections.unmodifiableList(new ArrayList<>(steps));
  }

  public static ExecutionRequest forPlan(
      String userId,
      String planId,
      int planVersion,
      String idempotencyKey,
      List<LedgerStep> steps) {
    return new ExecutionRequest(userId, planId, planVersion, idempotencyKey, steps, false);
  }

  /** A single operation outside any plan, such as a deposit the user makes by hand. */
  public static ExecutionRequest single(String userId, String idempotencyKey, LedgerStep step) {
    return new ExecutionRequest(userId, "", 0, idempotencyKey, List.of(step), false);
  }

  public ExecutionRequest asDryRun() {
    return new ExecutionRequest(userId, planId, planVersion, idempotencyKey, steps, true);
  }

  /** Every field error in the request, for a ledger kept in {@code currency}. */
  public List<FieldError> validate(Currency currency) {
    Validation v = new Validation();
    v.require(userId != null && !userId.isBlank(), "userId", "is required");
    if (v.notNull(planId, "planId")) {
      if (planId.isEmpty()) {
        v.require(planVersion == 0, "planVersion", "must be 0 for an operation outside a plan");
      } else {
        v.require(planVersion >= 1, "planVersion", "must be at least 1, was " + planVersion);
      }
    }
    if (v.notNull(idempotencyKey, "idempotencyKey")) {
      v.require(
          KEY.matcher(idempotencyKey).matches(),
          "idempotencyKey",
          "must be 1 to 200 characters of letters, digits and . _ : # / @ = + -");
    }
    if (v.notNull(steps, "steps")) {
      v.require(
          !steps.isEmpty() && steps.size() <= MAX_STEPS,
          "steps",
          "must hold 1 to " + MAX_STEPS + " steps, held " + steps.size());
      for (int i = 0; i < steps.size(); i++) {
        String path = "steps[" + i + "]";
        if (v.notNull(steps.get(i), path)) {
          v.addAll(steps.get(i).validate(path, currency));
        }
      }
    }
    return v.errors();
  }

  void requireValid(Currency currency) {
    List<FieldError> errors = validate(currency);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /**
   * SHA-256 over the plan reference and the canonical form of every step. Two requests with the
   * same key and fingerprint are the same request; the dry-run flag is not part of it.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder(planId).append('\n').append(planVersion);
    for (LedgerStep step : steps) {
      text.append('\n').append(step.canonical());
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
