package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads the figures of an HTML plan report back and compares them with the API's JSON. */
final class ReportFigures {
  private ReportFigures() {}

  /**
   * Asserts that every figure {@code page} shows is the one {@code report} (the route's JSON) and
   * {@code version} ({@code GET /v1/plans/{planId}/versions/{n}}) answer for the same version.
   */
  static void assertShownAsTheApiAnswers(Document page, JsonNode report, JsonNode version) {
    int number = version.path("number").asInt();
    assertThat(report.path("version").asInt()).isEqualTo(number);
    assertThat(page.select(".version").text()).isEqualTo(String.valueOf(number));
    double success = version.path("projection").path("successProbability").asDouble();
    assertThat(report.path("projection").path("successProbability").asDouble()).isEqualTo(success);
    assertThat(percent(page.selectFirst(".success-probability"))).isEqualTo(percentOf(success));
    BigDecimal target =
        version.path("projection").path("targetAmount").path("amount").decimalValue();
    assertThat(amount(page.selectFirst(".projection-target"))).isEqualByComparingTo(target);
    assertThat(amount(page.selectFirst("td.target")))
        .isEqualByComparingTo(
            report.path("goals").get(0).path("targetAmount").path("amount").decimalValue());

    JsonNode bands = version.path("projection").path("bands");
    List<Element> rows = page.select("tr.band");
    assertThat(rows).hasSize(bands.size()).hasSizeGreaterThan(10);
    for (int i = 0; i < rows.size(); i++) {
      for (String p : List.of("p10", "p25", "p50", "p75", "p90")) {
        BigDecimal shown = amount(rows.get(i).selectFirst("td." + p));
        assertThat(shown)
            .as("year %d %s", i, p)
            .isEqualByComparingTo(
                BigDecimal.valueOf(bands.get(i).path(p).asDouble())
                    .setScale(0, RoundingMode.HALF_EVEN))
            .isEqualByComparingTo(
                report.path("projection").path("bands").get(i).path(p).decimalValue());
      }
    }

    JsonNode findings = version.path("verification").path("findings");
    assertThat(findings).isNotEmpty();
    assertThat(page.select("tr.finding td.code").eachText())
        .containsExactlyElementsOf(findings.findValuesAsText("code"));
    assertThat(page.select("tr.finding td.limit").eachText())
        .containsExactlyElementsOf(
            findings.findValues("evidence").stream()
                .map(e -> e.path("limit").decimalValue().toPlainString())
                .toList());
    assertThat(page.select("tr.finding td.source").eachText())
        .allSatisfy(source -> assertThat(source).isNotBlank());

    JsonNode candidates = version.path("reasoning").path("candidates");
    List<Element> alternatives = page.select("tr.alternative");
    assertThat(alternatives).hasSize(candidates.size()).hasSizeGreaterThan(1);
    for (int i = 0; i < alternatives.size(); i++) {
      JsonNode candidate = candidates.get(i);
      assertThat(alternatives.get(i).selectFirst(".strategy").text())
          .startsWith(candidate.path("strategy").asText());
      String shown = alternatives.get(i).selectFirst(".success").text();
      if (candidate.path("successProbability").isNumber()) {
        assertThat(percent(shown))
            .isEqualTo(percentOf(candidate.path("successProbability").asDouble()));
      } else {
        assertThat(shown).isEmpty();
      }
    }
    assertThat(page.select(".strategy").first().text())
        .isEqualTo(version.path("reasoning").path("strategy").asText());
  }

  static BigDecimal percentOf(double probability) {
    return BigDecimal.valueOf(probability).movePointRight(2).setScale(1, RoundingMode.HALF_EVEN);
  }

  static BigDecimal percent(Element element) {
    return percent(element.text());
  }

  static BigDecimal percent(String text) {
    assertThat(text).endsWith("%");
    return new BigDecimal(text.substring(0, text.length() - 1));
  }

  /** A dollar figure as written ("$1,234,567" or "$9,600.00") as a number. */
  static BigDecimal amount(Element element) {
    String text = element.text();
    assertThat(text).startsWith("$");
    return new BigDecimal(text.substring(1).replace(",", ""));
  }
}
