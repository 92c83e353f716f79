package dev.finpilot.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which expected returns a plan is made with, named on the wire as {@code historical} and {@code
 * current-market}: in a plan request ({@code assumptions}) and in a market snapshot ({@code
 * basis}).
 */
public enum AssumptionBasis {
  /** The long-run means of the embedded history. */
  @JsonProperty("historical")
  HISTORICAL("historical"),
  /** Means built from today's Treasury yields and inflation where they can be read. */
  @JsonProperty("current-market")
  CURRENT_MARKET("current-market");

  private final String wireName;

  AssumptionBasis(String wireName) {
    this.wireName = wireName;
  }

  /** The wire name, so that messages listing the choices show what a client sends. */
  @Override
  public String toString() {
    return wireName;
  }
}
