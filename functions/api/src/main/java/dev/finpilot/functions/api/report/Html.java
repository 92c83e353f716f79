package dev.finpilot.functions.api.report;

/** Text made safe to put between HTML tags or inside a quoted attribute. */
public final class Html {
  private Html() {}

  /** {@code text} with every character that HTML gives a meaning written as an entity. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
