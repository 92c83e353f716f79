package dev.finpilot.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A broken data file must fail loudly at the JSON path at fault, never load a partial table. */
class RegulatoryDataValidationTest {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static RegulatoryTable loadMutated(Consumer<ObjectNode> mutation) throws IOException {
    ObjectNode root;
    try (InputStream in =
        RegulatoryTable.class.getResourceAsStream(RegulatoryTable.DEFAULT_RESOURCE)) {
      root = (ObjectNode) MAPPER.readTree(in);
    }
    mutation.accept(root);
    return RegulatoryTable.fromJson(new ByteArrayInputStream(MAPPER.writeValueAsBytes(root)));
  }

  private static ObjectNode year2025(ObjectNode root) {
    return (ObjectNode) root.get("years").get("2025");
  }

  @Test
  void unmodifiedCopyLoads() throws IOException {
    assertThat(loadMutated(root -> {}).supportedYears()).containsExactly(2025, 2026);
  }

  @Test
  void missingLimitNamesItsPath() {
    assertThatThrownBy(
            () ->
                loadMutated(
                    root -> ((ObjectNode) year2025(root).get("ira")).remove("contribution")))
        .isInstanceOf(RegulatoryDataException.class)
        .hasMessage("$.years.2025.ira.contribution: a number is required");
  }

  @Test
  void unknownSourceKeyIsRefused() {
    assertThatThrownBy(
            () ->
                loadMutated(
                    root ->
                        ((ObjectNode) year2025(root).get("hsa")).put("source", "rev_proc_9999")))
        .isInstanceOf(RegulatoryDataException.class)
        .hasMessageStartingWith("$.years.2025.hsa.source: unknown source key 'rev_proc_9999'");
  }

  @Test
  void negativeAmountIsRefused() {
    assertThatThrownBy(
            () ->
                loadMutated(root -> ((ObjectNode) year2025(root).get("ira")).put("catchUp50", -1)))
        .hasMessage("$.years.2025.ira.catchUp50: must not be negative");
  }

  @Test
  void malformedPhaseOutIsRefused() {
    assertThatThrownBy(
            () ->
                loadMutated(
                    root -> {
                      ObjectNode roth = (ObjectNode) year2025(root).get("rothIraPhaseOut");
                      roth.putArray("single").add(165000).add(150000);
                    }))
        .hasMessageStartingWith("$.years.2025.rothIraPhaseOut.single:");
    assertThatThrownBy(
            () ->
                loadMutated(
                    root ->
                        ((ObjectNode) year2025(root).get("rothIraPhaseOut"))
                            .putArray("single")
                            .add(1)))
        .hasMessage(
            "$.years.2025.rothIraPhaseOut.single: a [start, end] pair of numbers is required");
  }

  @Test
  void bracketsMustEndUnboundedAndHaveRatesInRange() {
    assertThatThrownBy(
            () ->
                loadMutated(
                    root -> {
                      ArrayNode single = (ArrayNode) year2025(root).get("brackets").get("single");
                      ((ObjectNode) single.get(6)).put("upTo", 900000);
                    }))
        .hasMessage("$.years.2025.brackets.single: the last tax bracket must be unbounded");
    assertThatThrownBy(
            () ->
                loadMutated(
                    root -> {
                      ArrayNode single = (ArrayNode) year2025(root).get("brackets").get("single");
                      ((ObjectNode) single.get(0)).put("rate", 1.5);
                    }))
        .hasMessage("$.years.2025.brackets.single[0].rate: must be between 0 and 1");
    assertThatThrownBy(
            () ->
                loadMutated(
                    root -> {
                      ArrayNode single = (ArrayNode) year2025(root).get("brackets").get("single");
                      ((ObjectNode) single.get(1)).put("upTo", 100);
                    }))
        .hasMessage("$.years.2025.brackets.single: tax bracket edges must increase");
  }

  @Test
  void structuralErrorsNameTheirPath() {
    assertThatThrownBy(() -> loadMutated(root -> root.remove("sources")))
        .hasMessage("$.sources: an object is required");
    assertThatThrownBy(() -> loadMutated(root -> root.putObject("years")))
        .hasMessage("$.years: at least one tax year is required");
    assertThatThrownBy(
            () -> loadMutated(root -> ((ObjectNode) root.get("years")).set("next", year2025(root))))
        .hasMessage("$.years.next: key must be a year");
    assertThatThrownBy(
            () ->
                loadMutated(root -> ((ObjectNode) root.get("ageRules")).put("hsaCatchUpAge", "55")))
        .hasMessage("$.ageRules.hsaCatchUpAge: an integer is required");
    assertThatThrownBy(
            () ->
                loadMutated(
                    root ->
                        ((ObjectNode) root.get("ageRules").get("earlyWithdrawalPenalty"))
                            .put("hardshipIsException", "no")))
        .hasMessage("$.ageRules.earlyWithdrawalPenalty.hardshipIsException: a boolean is required");
    assertThatThrownBy(
            () ->
                loadMutated(
                    root -> ((ObjectNode) root.get("ageRules")).putArray("rmdApplicableAge")))
        .hasMessage("$.ageRules.rmdApplicableAge: at least one cohort is required");
    assertThatThrownBy(
            () ->
                loadMutated(root -> ((ObjectNode) root.get("ageRules")).put("catchUpAgeBasis", 1)))
        .hasMessage("$.ageRules.catchUpAgeBasis: a string is required");
    assertThatThrownBy(
            () ->
                loadMutated(
                    root ->
                        ((ObjectNode) root.get("securitiesRules").get("initialMargin"))
                            .put("requirement", 0)))
        .hasMessage("$.securitiesRules.initialMargin.requirement: must be above 0 and at most 1");
  }

  @Test
  void notJsonAndMissingResourceAreClearErrors() {
    assertThatThrownBy(
            () ->
                RegulatoryTable.fromJson(
                    new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(RegulatoryDataException.class)
        .hasMessageStartingWith("regulatory data is not valid JSON");
    assertThatThrownBy(
            () ->
                RegulatoryTable.fromJson(
                    new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8))))
        .hasMessage("$: a JSON object is required");
    assertThatThrownBy(() -> RegulatoryTable.fromResource("/data/missing.json"))
        .isInstanceOf(RegulatoryDataException.class)
        .hasMessage("resource not found on the classpath: /data/missing.json");
  }
}
