package dev.finpilot.projection;

/** How often the simulation steps: cash flows are spread evenly over the steps of a year. */
public enum StepFrequency {
  ANNUAL(1),
  MONTHLY(12);

  private final int stepsPerYear;

  StepFrequency(int stepsPerYear) {
    this.stepsPerYear = stepsPerYear;
  }

  public int stepsPerYear() {
    return stepsPerYear;
  }
}
