package dev.finpilot.functions.api.report;

import dev.finpilot.functions.api.report.PlanReport.Band;
import dev.finpilot.functions.api.report.PlanReport.Projection;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The projection's percentile bands over the years as an inline SVG fan chart: the 10th to 90th
 * percentile as the outer band, the 25th to 75th as the inner one, the median as a line and, when
 * it is on the same basis as the bands, the target as a dashed line. Nothing is loaded from
 * elsewhere and no script runs.
 */
final class FanChart {
  static final int WIDTH = 720;
  static final int HEIGHT = 320;
  private static final int LEFT = 90;
  private static final int RIGHT = 20;
  private static final int TOP = 20;
  private static final int BOTTOM = 40;
  private static final int TICKS = 4;

  private final Projection projection;
  private final List<Band> bands;
  private final double top;
  private final int lastYear;

  private FanChart(Projection projection) {
    this.projection = projection;
    this.bands = projection.bands();
    double highest = bands.stream().mapToDouble(b -> b.p90().doubleValue()).max().orElse(0);
    if (targetShown()) {
      highest = Math.max(highest, projection.targetAmount().toDouble());
    }
    this.top = highest > 0 ? highest : 1;
    this.lastYear = Math.max(1, bands.get(bands.size() - 1).year());
  }

  /** The chart, or an empty string when the projection has no bands. */
  static String svg(Projection projection) {
    return projection.bands().isEmpty() ? "" : new FanChart(projection).draw();
  }

  private boolean targetShown() {
    return projection.targetAmount() != null
        && projection.targetBasis() == projection.reportBasis();
  }

  private String draw() {
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"fan-chart\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\"><title>Wealth percentiles by plan year</title>");
    axes(s);
    s.append(area(Band::p10, Band::p90, "#cfe0f5"));
    s.append(area(Band::p25, Band::p75, "#8fb6e6"));
    s.append("<polyline fill=\"none\" stroke=\"#1f4e8c\" stroke-width=\"2\" points=\"")
        .append(points(bands, Band::p50))
        .append("\"/>");
    if (targetShown()) {
      String y = coordinate(y(projection.targetAmount().toDouble()));
      s.append("<line class=\"target\" x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(y)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#b03a2e\" stroke-dasharray=\"6 4\"/>");
    }
    return s.append("</svg>").toString();
  }

  private void axes(StringBuilder s) {
    for (int i = 0; i <= TICKS; i++) {
      double value = top * i / TICKS;
      String y = coordinate(y(value));
      s.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(y)
          .append("\" y2=\"")
          .append(y)
          .append("\" stroke=\"#e3e3e3\"/><text class=\"axis\" x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(y)
          .append("\" text-anchor=\"end\" dominant-baseline=\"middle\">")
          .append(Figures.dollars(PlanReports.wholeDollars(value)))
          .append("</text>");
    }
    int step = Math.max(1, (lastYear + 5) / 6);
    for (Band b : bands) {
      if (b.year() % step == 0 || b.year() == lastYear) {
        s.append("<text class=\"axis\" x=\"")
            .append(coordinate(x(b.year())))
            .append("\" y=\"")
            .append(HEIGHT - BOTTOM + 16)
            .append("\" text-anchor=\"middle\">")
            .append("age ")
            .append(b.age())
            .append("</text>");
      }
    }
  }

  private String area(
      Function<Band, BigDecimal> low, Function<Band, BigDecimal> high, String fill) {
    List<Band> back = new ArrayList<>(bands);
    Collections.reverse(back);
    return "<polygon fill=\""
        + fill
        + "\" stroke=\"none\" points=\""
        + points(bands, high)
        + ' '
        + points(back, low)
        + "\"/>";
  }

  private String points(List<Band> in, Function<Band, BigDecimal> value) {
    StringBuilder p = new StringBuilder();
    for (Band b : in) {
      if (p.length() > 0) {
        p.append(' ');
      }
      p.append(coordinate(x(b.year())))
          .append(',')
          .append(coordinate(y(value.apply(b).doubleValue())));
    }
    return p.toString();
  }

  private double x(int year) {
    return LEFT + (double) year / lastYear * (WIDTH - LEFT - RIGHT);
  }

  private double y(double value) {
    double clamped = Math.max(0, value);
    return TOP + (1 - clamped / top) * (HEIGHT - TOP - BOTTOM);
  }

  private static String coordinate(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
