package dev.finpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fan chart of a projection's percentile bands over the years in plain text, at most 80 columns
 * wide: the median ({@code *}), the middle half of the paths (p25 to p75, {@code :}), four paths in
 * five (p10 to p90, {@code .}) and the goal's target ({@code -}), on a scale from $0 to the highest
 * figure shown. A pure function of its input.
 */
final class BandChart {
  static final int ROWS = 15;
  static final int LABEL_WIDTH = 8;
  static final int COLUMNS = Formats.WIDTH - LABEL_WIDTH - 2;

  /** Wealth percentiles at the end of one plan year, in the projection's dollars. */
  record Band(int year, int age, double p10, double p25, double p50, double p75, double p90) {

    static Band of(JsonNode band) {
      return new Band(
          band.path("year").asInt(),
          band.path("age").asInt(),
          band.path("p10").asDouble(),
          band.path("p25").asDouble(),
          band.path("p50").asDouble(),
          band.path("p75").asDouble(),
          band.path("p90").asDouble());
    }
  }

  private BandChart() {}

  /** The bands of a version's projection ({@code projection.bands}) and its target, charted. */
  static List<String> render(JsonNode projection) {
    List<Band> bands = new ArrayList<>();
    projection.path("bands").forEach(b -> bands.add(Band.of(b)));
    JsonNode target = projection.path("targetAmount").path("amount");
    return render(bands, target.isNumber() || target.isTextual() ? target.asDouble() : Double.NaN);
  }

  /**
   * The chart's lines: {@link #ROWS} rows of plot (the top row is the scale's maximum, the bottom
   * row $0), the axis, the ages under it and the legend. {@code target} NaN draws no target line.
   */
  static List<String> render(List<Band> bands, double target) {
    if (bands.isEmpty()) {
      return List.of("(no projection bands to chart)");
    }
    double top = Double.isNaN(target) ? 0 : target;
    for (Band band : bands) {
      top = Math.max(top, band.p90());
    }
    top = top > 0 ? top : 1;
    int columns =
        Math.min(COLUMNS, Math.max(bands.size(), 2) * Math.max(1, COLUMNS / bands.size()));
    char[][] plot = new char[ROWS][columns];
    for (char[] row : plot) {
      Arrays.fill(row, ' ');
    }
    int targetRow = Double.isNaN(target) ? -1 : row(target, top);
    for (int c = 0; c < columns; c++) {
      Band band = bands.get(bandAt(c, columns, bands.size()));
      fill(plot, c, row(band.p90(), top), row(band.p10(), top), '.');
      fill(plot, c, row(band.p75(), top), row(band.p25(), top), ':');
      if (targetRow >= 0) {
        plot[targetRow][c] = '-';
      }
      plot[row(band.p50(), top)][c] = '*';
    }
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < ROWS; r++) {
      String label = r % 7 == 0 || r == ROWS - 1 ? Formats.compact(valueAt(r, top)) : "";
      lines.add(pad(label, LABEL_WIDTH) + " |" + new String(plot[r]).stripTrailing());
    }
    lines.add(" ".repeat(LABEL_WIDTH) + " +" + "-".repeat(columns));
    lines.add(ages(bands, columns));
    lines.add(
        "  * median   : middle half (p25-p75)   . p10-p90"
            + (Double.isNaN(target) ? "" : "   - target " + Formats.compact(target)));
    return lines;
  }

  /** The plot row of {@code value}: row 0 is {@code top}, the last row is $0. */
  static int row(double value, double top) {
    double share = Math.max(0, Math.min(1, value / top));
    return ROWS - 1 - (int) Math.round(share * (ROWS - 1));
  }

  private static double valueAt(int row, double top) {
    return top * (ROWS - 1 - row) / (ROWS - 1);
  }

  private static int bandAt(int column, int columns, int bands) {
    return (int) Math.round((double) column * (bands - 1) / (columns - 1));
  }

  private static void fill(char[][] plot, int column, int fromRow, int toRow, char mark) {
    for (int r = fromRow; r <= toRow; r++) {
      plot[r][column] = mark;
    }
  }

  private static String ages(List<Band> bands, int columns) {
    char[] axis = new char[LABEL_WIDTH + 2 + columns + 8];
    Arrays.fill(axis, ' ');
    String first = "age " + bands.get(0).age();
    first.getChars(0, first.length(), axis, LABEL_WIDTH + 2);
    for (int c = columns / 4; c < columns - 6; c += columns / 4) {
      String age = String.valueOf(bands.get(bandAt(c, columns, bands.size())).age());
      age.getChars(0, age.length(), axis, LABEL_WIDTH + 2 + c);
    }
    String last = String.valueOf(bands.get(bands.size() - 1).age());
    last.getChars(0, last.length(), axis, LABEL_WIDTH + 2 + columns - last.length());
    return new String(axis).stripTrailing();
  }

  private static String pad(String text, int width) {
    return " ".repeat(Math.max(0, width - text.length())) + text;
  }
}
