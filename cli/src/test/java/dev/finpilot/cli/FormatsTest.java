package dev.finpilot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void moneyIsExactWithThousandsAndTheSign() {
    assertThat(Formats.money(JsonText.read("{\"amount\": 1458.34, \"currency\": \"USD\"}")))
        .isEqualTo("$1,458.34");
    assertThat(Formats.money(JsonText.read("{\"amount\": \"-0.10\", \"currency\": \"USD\"}")))
        .isEqualTo("-$0.10");
    // A binary double would print 0.30000000000000004 somewhere on the way; BigDecimal does not.
    assertThat(Formats.money(JsonText.read("{\"amount\": 0.30000000000000000001}")))
        .isEqualTo("$0.30");
    assertThat(Formats.money(JsonText.read("{\"amount\": 12, \"currency\": \"EUR\"}")))
        .isEqualTo("12.00 EUR");
  }

  @Test
  void sharesAndCompactAmounts() {
    assertThat(Formats.percent(JsonText.read("0.8696"))).isEqualTo("87.0%");
    assertThat(Formats.percent(JsonText.read("null"))).isEqualTo("-");
    assertThat(Formats.compact(2_340_000)).isEqualTo("$2.3M");
    assertThat(Formats.compact(450_000)).isEqualTo("$450k");
    assertThat(Formats.compact(0)).isEqualTo("$0");
  }

  @Test
  void wrappingKeepsEveryWordAndEightyColumns() {
    String text = "word ".repeat(60).trim();
    List<String> lines = Formats.wrap(text, "  why: ", "       ");

    assertThat(lines.get(0)).startsWith("  why: word");
    assertThat(lines.subList(1, lines.size()))
        .allSatisfy(l -> assertThat(l).startsWith("       w"));
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    assertThat(String.join(" ", lines).split("\\s+")).filteredOn("word"::equals).hasSize(60);
  }
}
