package dev.finpilot.regulation;

/** The regulatory data file is malformed; the message names the JSON path at fault. */
public final class RegulatoryDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RegulatoryDataException(String message) {
    super(message);
  }

  public RegulatoryDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
