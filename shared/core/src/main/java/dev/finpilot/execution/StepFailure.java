package dev.finpilot.execution;

/**
 * Which step of an execution could not be carried out, and why.
 *
 * @param stepIndex the index of the refused step, or {@link #UNDOING_REPLACED} when the execution
 *     it replaces could not be undone, before any of its own steps
 * @param step the refused step's description, or which execution could not be undone
 */
public record StepFailure(
    int stepIndex, String step, LedgerException.Reason reason, String detail) {

  /** The step index of a failure to undo the replaced execution. */
  public static final int UNDOING_REPLACED = -1;

  static StepFailure undoing(String replacedKey, LedgerException.Reason reason, String detail) {
    return new StepFailure(UNDOING_REPLACED, "undo " + replacedKey, reason, detail);
  }

  /**
   * One line for the owner: {@code step 2 (deposit USD 5.00 into CASH) refused: ...}, or {@code
   * undo plan-1#v1#first-month refused: ...}.
   */
  public String summary() {
    return where() + " refused: " + detail;
  }

  LedgerException toException() {
    return new LedgerException(reason, where() + ": " + detail);
  }

  private String where() {
    return stepIndex == UNDOING_REPLACED ? step : "step " + stepIndex + " (" + step + ")";
  }
}
