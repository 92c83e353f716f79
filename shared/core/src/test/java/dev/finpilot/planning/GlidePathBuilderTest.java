package dev.finpilot.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.domain.Allocation;
import dev.finpilot.domain.AssetClass;
import dev.finpilot.domain.GlidePath;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GlidePathBuilderTest {

  private static final Strategy.EquityPath VANGUARD = Scoring.REFERENCE_PATH;

  @Test
  void theRetirementShapeFollowsTheTargetDateFormula() {
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 30, true)).isEqualByComparingTo("0.90");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 25, true)).isEqualByComparingTo("0.90");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 10, true)).isEqualByComparingTo("0.66");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 0, true)).isEqualByComparingTo("0.50");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, -7, true)).isEqualByComparingTo("0.30");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, -3, true))
        .isGreaterThan(new BigDecimal("0.30"))
        .isLessThan(new BigDecimal("0.50"));
    assertThat(GlidePathBuilder.equityShare(VANGUARD, -20, true)).isEqualByComparingTo("0.30");
  }

  @Test
  void otherGoalsRunDownFasterAndStayLowNearTheDate() {
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 12, false)).isEqualByComparingTo("0.90");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 5, false)).isEqualByComparingTo("0.55");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 2, false)).isEqualByComparingTo("0.30");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, 0, false)).isEqualByComparingTo("0.20");
    assertThat(GlidePathBuilder.equityShare(VANGUARD, -2, false)).isEqualByComparingTo("0.20");
  }

  @Test
  void theCapAndTheShortGoalCapBindAndEquityOnlyFalls() {
    GlidePath path =
        GlidePathBuilder.build(Strategy.AGGRESSIVE, 30, 65, true, new BigDecimal("0.70"), 33);
    assertThat(path.allocationAt(30).equityShare()).isEqualByComparingTo("0.30");
    assertThat(path.allocationAt(33).equityShare()).isEqualByComparingTo("0.70");
    BigDecimal previous = BigDecimal.ONE;
    for (GlidePath.Point p : path.points()) {
      if (p.age() >= 33) {
        assertThat(p.allocation().equityShare()).isLessThanOrEqualTo(previous);
        previous = p.allocation().equityShare();
      }
    }
    assertThat(path.allocationAt(80).equityShare()).isEqualByComparingTo("0.40");
  }

  @Test
  void allocationsSplitByTheStrategysMixAndSumToOne() {
    Allocation a = GlidePathBuilder.allocation(new BigDecimal("0.80"), Strategy.AGGRESSIVE.mix());
    assertThat(a.weight(AssetClass.US_SMALL_CAP)).isEqualByComparingTo("0.20");
    assertThat(a.weight(AssetClass.US_LARGE_CAP)).isEqualByComparingTo("0.60");
    assertThat(a.weight(AssetClass.CORPORATE_BOND)).isEqualByComparingTo("0.10");
    assertThat(a.weight(AssetClass.TREASURY_BOND)).isEqualByComparingTo("0.10");
    assertThat(a.equityShare()).isEqualByComparingTo("0.80");
    Allocation cash = GlidePathBuilder.allCash(40).allocationAt(40);
    assertThat(cash.weight(AssetClass.CASH)).isEqualByComparingTo("1");
  }
}
