package dev.finpilot.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * Which expected returns a plan is made with, named on the wire as {@code historical} and {@code
 * current-market}: in a plan request ({@code assumptions}) and in a market snapshot ({@code
 * basis}).
 */
public enum AssumptionBasis {
  /** The long-run means of the embedded history. */
  HISTORICAL,
  /** Means built from today's Treasury yields and inflation where they can be read. */
  CURRENT_MARKET;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reads the wire name; the constant's name is accepted too. */
  @JsonCreator
  public static AssumptionBasis fromWire(String value) {
    return Arrays.stream(values())
        .filter(b -> b.wireName().equals(value) || b.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "assumptions must be historical or current-market, was " + value));
  }
}
