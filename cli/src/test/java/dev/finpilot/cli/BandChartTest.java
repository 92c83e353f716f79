package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.cli.BandChart.Band;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandChartTest {

  /** Every year the same figures: p90 $100k (the top), median $50k, p10 $0. */
  private static List<Band> flat(int years) {
    List<Band> bands = new ArrayList<>();
    for (int year = 0; year <= years; year++) {
      bands.add(new Band(year, 40 + year, 0, 25_000, 50_000, 75_000, 100_000));
    }
    return bands;
  }

  @Test
  void theMedianIsDrawnOnTheRowOfItsValueAcrossEveryColumn() {
    List<String> lines = BandChart.render(flat(20), Double.NaN);

    // $50k of a $0-$100k scale over 15 rows (row 0 the top, row 14 $0) is row 7.
    String medianRow = lines.get(7);
    String plot = medianRow.substring(BandChart.LABEL_WIDTH + 2);
    assertThat(plot).isNotEmpty().matches("\\*+");
    for (int r = 0; r < BandChart.ROWS; r++) {
      if (r != 7) {
        assertThat(lines.get(r)).doesNotContain("*");
      }
    }
    assertThat(medianRow).startsWith("    $50k |");
  }

  @Test
  void theMiddleHalfAndTheOuterBandSurroundTheMedian() {
    List<String> lines = BandChart.render(flat(10), Double.NaN);
    int column = BandChart.LABEL_WIDTH + 2;

    // p75 $75k is row 14 - round(10.5) = 3, p25 row 14 - round(3.5) = 10; p90 the top, p10 the
    // bottom row.
    assertThat(lines.get(0).charAt(column)).isEqualTo('.');
    assertThat(lines.get(2).charAt(column)).isEqualTo('.');
    assertThat(lines.get(3).charAt(column)).isEqualTo(':');
    assertThat(lines.get(10).charAt(column)).isEqualTo(':');
    assertThat(lines.get(11).charAt(column)).isEqualTo('.');
    assertThat(lines.get(14).charAt(column)).isEqualTo('.');
    assertThat(lines.get(0)).startsWith("   $100k |");
    assertThat(lines.get(14)).startsWith("      $0 |");
  }

  @Test
  void aTargetAboveEveryPathSetsTheScaleAndIsDrawnAsALine() {
    List<String> lines = BandChart.render(flat(10), 200_000);

    assertThat(lines.get(0)).startsWith("   $200k |").contains("---");
    // The median $50k is now a quarter of the scale: row 14 - round(0.25 * 14) = 10.
    assertThat(lines.get(10)).contains("*");
    assertThat(lines.get(lines.size() - 1)).contains("- target $200k");
  }

  @Test
  void everyLineFitsEightyColumnsWhateverTheNumberOfYears() {
    for (int years : new int[] {0, 1, 5, 25, 49, 70, 100}) {
      assertThat(BandChart.render(flat(years), 150_000))
          .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(Formats.WIDTH));
    }
  }

  @Test
  void theAgesRunFromTheFirstBandToTheLast() {
    List<String> lines = BandChart.render(flat(25), Double.NaN);
    String ages = lines.get(BandChart.ROWS + 1);

    assertThat(ages.trim()).startsWith("age 40").endsWith("65");
  }

  @Test
  void noBandsGiveASentenceNotAChart() {
    assertThat(BandChart.render(List.of(), 1)).containsExactly("(no projection bands to chart)");
  }
}
