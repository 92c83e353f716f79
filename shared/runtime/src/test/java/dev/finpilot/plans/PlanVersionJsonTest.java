package dev.finpilot.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Json;
import dev.finpilot.planning.Strategy;
import dev.finpilot.verification.Outcome;
import dev.finpilot.verification.VerificationReport;
import org.junit.jupiter.api.Test;

/** Versions stored while their results were free JSON read as typed records, losing nothing. */
class PlanVersionJsonTest {

  @Test
  void aVersionStoredByTheEarlierCodeReadsTypedAndWritesTheSameJson() {
    PlanVersion read = Json.read(StoredVersionItem.version(), PlanVersion.class);

    assertThat(read.planId()).isEqualTo(StoredVersionItem.PLAN_ID);
    assertThat(read.reasoning().strategy()).isEqualTo(Strategy.GROWTH);
    assertThat(read.reasoning().trace().nodes()).hasSizeGreaterThan(5);
    assertThat(read.reasoning().candidates()).isNotEmpty();
    assertThat(read.projection().successProbability()).isEqualTo(read.plan().successProbability());
    // Stored before versions kept their market snapshot: it was planned in the historical one.
    assertThat(Json.readTree(StoredVersionItem.version()).has("snapshot")).isFalse();
    assertThat(read.snapshot()).isEqualTo(MarketSnapshot.historical());
    // Stored before relaxations kept their numbers: none to propose, and no proposal of its own.
    assertThat(read.reasoning().relaxationDetails()).isNull();
    assertThat(read.reasoning().proposal()).isNull();
    ObjectNode written = Json.mapper().valueToTree(read);
    written.remove("snapshot");
    assertThat(StoredVersionItem.byValue(written))
        .isEqualTo(StoredVersionItem.byValue(Json.readTree(StoredVersionItem.version())));
  }

  @Test
  void aReportStoredByTheEarlierCodeReadsTypedAndWritesTheSameJson() {
    VerificationReport report =
        Json.read(StoredVersionItem.verification(), VerificationReport.class);

    assertThat(report.outcome()).isEqualTo(Outcome.CONDITIONAL);
    assertThat(report.findings()).isNotEmpty();
    assertThat(Json.write(report)).isEqualTo(StoredVersionItem.verification());
  }

  @Test
  void aVersionWritesAsItReads() {
    PlanVersion read =
        Json.read(StoredVersionItem.version(), PlanVersion.class)
            .withVerification(
                Json.read(StoredVersionItem.verification(), VerificationReport.class));

    assertThat(Json.read(Json.write(read), PlanVersion.class)).isEqualTo(read);
    JsonNode written = Json.mapper().valueToTree(read);
    assertThat(written.path("verification").path("outcome").asText()).isEqualTo("CONDITIONAL");
  }
}
