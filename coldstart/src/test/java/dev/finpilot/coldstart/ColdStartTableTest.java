package dev.finpilot.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartTableTest {

  private static final Subject FLOOR = subject(Subject.MINIMAL);
  private static final Subject API = subject("ApiFunction");

  @Test
  void eachMeasureIsTheMedianOfItsOwnRuns() {
    List<ColdRun> runs = List.of(run(300, 10), run(100, 30), run(200, 20));

    assertThat(ColdStartTable.median(runs, ColdRun::initMs)).isEqualTo(200);
    assertThat(ColdStartTable.median(runs, ColdRun::firstInvokeMs)).isEqualTo(20);
    assertThat(ColdStartTable.median(runs.subList(0, 2), ColdRun::initMs))
        .as("the lower middle of an even count")
        .isEqualTo(100);
  }

  @Test
  void everyRowIsComparedWithTheMinimalHandler() {
    ColdStartTable table = new ColdStartTable();
    table.add(API, 23.94, run(3000, 1000));
    table.add(FLOOR, 7.28, run(1000, 1000));

    assertThat(table.markdown())
        .contains("| ApiFunction | 23.9 | 5000 | 3000 | 1000 | 4000 | 3.00x | 2.00x |")
        .contains("| minimal handler | 7.3 | 5000 | 1000 | 1000 | 2000 | 1.00x | 1.00x |");
  }

  @Test
  void aTableWithoutTheMinimalHandlerHasNothingToCompareWith() {
    ColdStartTable table = new ColdStartTable();
    table.add(API, 23.9, run(3000, 1000));

    assertThatThrownBy(table::markdown).hasMessageContaining("minimal handler");
  }

  private static ColdRun run(long init, long firstInvoke) {
    return new ColdRun(init, firstInvoke, init + firstInvoke, 5000, "{}");
  }

  private static Subject subject(String name) {
    return new Subject(name, "Handler", Path.of("p.zip"), Path.of("e.json"), 1024, Map.of());
  }
}
