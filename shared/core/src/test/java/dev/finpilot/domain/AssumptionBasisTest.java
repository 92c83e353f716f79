package dev.finpilot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AssumptionBasisTest {

  @Test
  void travelsUnderItsWireName() {
    assertThat(JsonMapping.write(AssumptionBasis.CURRENT_MARKET)).isEqualTo("\"current-market\"");
    assertThat(JsonMapping.read("\"historical\"", AssumptionBasis.class))
        .isEqualTo(AssumptionBasis.HISTORICAL);
    assertThat(AssumptionBasis.CURRENT_MARKET).hasToString("current-market");
  }

  @Test
  void anotherNameIsRefused() {
    assertThatThrownBy(() -> JsonMapping.read("\"optimistic\"", AssumptionBasis.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("optimistic");
  }

  @Test
  void aRequestStoredBeforeTheFieldExistedReadsAsHistorical() {
    PlanningRequest request = FinancialStateFixtures.request();
    String stored = JsonMapping.write(request).replace(",\"assumptions\":\"historical\"", "");
    assertThat(stored).doesNotContain("assumptions");
    assertThat(JsonMapping.read(stored, PlanningRequest.class).assumptions())
        .isEqualTo(AssumptionBasis.HISTORICAL);
  }

  @Test
  void aRevisedRequestKeepsItsBasis() {
    PlanningRequest base = FinancialStateFixtures.request();
    PlanningRequest current =
        new PlanningRequest(
            base.state(),
            base.goals(),
            base.taxYear(),
            base.asOf(),
            AssumptionBasis.CURRENT_MARKET);
    PlanningRequest revised = current.revised(base.state(), 2027, base.asOf().plusYears(1));
    assertThat(revised.assumptions()).isEqualTo(AssumptionBasis.CURRENT_MARKET);
    assertThat(revised.taxYear()).isEqualTo(2027);
    assertThat(JsonMapping.read(JsonMapping.write(current), PlanningRequest.class))
        .isEqualTo(current);
  }
}
