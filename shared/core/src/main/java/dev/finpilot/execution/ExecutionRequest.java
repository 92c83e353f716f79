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
import java.util.Optional;
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
 * @param replaces the idempotency key of an earlier execution these steps replace, such as the
 *     previous plan version's first month. If that execution completed in the same calendar month
 *     (UTC) and is not undone yet, it is reversed in the same commit before the steps are posted;
 *     if the reversal cannot be posted, nothing is and the request is refused. An execution of an
 *     earlier month stands.
 */
public record ExecutionRequest(
    String userId,
    String planId,
    int planVersion,
    String idempotencyKey,
    List<LedgerStep> steps,
    boolean dryRun,
    Optional<String> replaces) {

  /**
   * Keeps one execution within a single DynamoDB transaction (100 items): each step and either its
   * possible reversal or the reversal of one replaced step (a replaced execution had at most as
   * many steps, and a refused replacement posts nothing) is an item, plus the execution record and
   * the books.
   */
  public static final int MAX_STEPS = 40;

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:#/@=+-]{1,200}");

  public ExecutionRequest {
    // Copied without List.copyOf, which throws on a null element: validation names it instead.
    steps = steps == null ? null : Collections.unmodifiableList(new ArrayList<>(steps));
  }

  /** A request that replaces no earlier execution. */
  public ExecutionRequest(
      String userId,
      String planId,
      int planVersion,
      String idempotencyKey,
      List<LedgerStep> steps,
      boolean dryRun) {
    this(userId, planId, planVersion, idempotencyKey, steps, dryRun, Optional.empty());
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
    return new ExecutionRequest(userId, planId, planVersion, idempotencyKey, steps, true, replaces);
  }

  /** This request, replacing the execution with idempotency key {@code replacedKey}. */
  public ExecutionRequest replacing(String replacedKey) {
    return new ExecutionRequest(
        userId, planId, planVersion, idempotencyKey, steps, dryRun, Optional.of(replacedKey));
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
      requireKey(v, idempotencyKey, "idempotencyKey");
    }
    if (v.notNull(replaces, "replaces") && replaces.isPresent()) {
      String replaced = replaces.get();
      requireKey(v, replaced, "replaces");
      v.require(
          !replaced.equals(idempotencyKey),
          "replaces",
          "must name an earlier execution, not this request's own key");
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

  private static void requireKey(Validation v, String key, String field) {
    v.require(
        KEY.matcher(key).matches(),
        field,
        "must be 1 to 200 characters of letters, digits and . _ : # / @ = + -");
  }

  void requireValid(Currency currency) {
    List<FieldError> errors = validate(currency);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /**
   * SHA-256 over the plan reference, the canonical form of every step and the replaced key. Two
   * requests with the same key and fingerprint are the same request; the dry-run flag is not part
   * of it. A request replacing nothing has the fingerprint it had before replacements existed.
   */
  public String fingerprint() {
    StringBuilder text = new StringBuilder(planId).append('\n').append(planVersion);
    for (LedgerStep step : steps) {
      text.append('\n').append(step.canonical());
    }
    replaces.ifPresent(key -> text.append("\nreplaces ").append(key));
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
