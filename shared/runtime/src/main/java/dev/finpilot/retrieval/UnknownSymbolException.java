package dev.finpilot.retrieval;

/** A provider said that the symbol does not exist. */
public final class UnknownSymbolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String symbol;

  public UnknownSymbolException(String symbol, String source) {
    super(source + " knows no symbol " + symbol);
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
