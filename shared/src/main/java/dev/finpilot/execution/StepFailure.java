package dev.finpilot.execution;

/** Which step of an execution could not be carried out, and why. */
public record StepFailure(
    int stepIndex, String step, LedgerException.Reason reason, String detail) {

  LedgerException toException() {
    return new LedgerException(reason, "step " + stepIndex + " (" + step + "): " + detail);
  }
}
