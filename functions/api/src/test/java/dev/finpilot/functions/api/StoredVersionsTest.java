package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.market.MarketSnapshot;
import dev.finpilot.messaging.Json;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.plans.StoredVersionItem;
import dev.finpilot.verification.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A version stored before versions held typed results is shown as it was then: {@code
 * version-response.json} is what the API answered for it, captured from that code.
 */
class StoredVersionsTest extends HandlerHarness {

  private static final String PLAN = "/v1/plans/" + StoredVersionItem.PLAN_ID;

  @BeforeEach
  void storeTheVersionAsTheEarlierCodeDid() {
    StoredVersionItem.storeHead(plans, StoredVersionItem.PLAN_ID, StoredVersionItem.USER_ID, NOW);
    plans.saveVersion(
        Json.read(StoredVersionItem.version(), PlanVersion.class)
            .withVerification(
                Json.read(StoredVersionItem.verification(), VerificationReport.class)));
  }

  @Test
  void theVersionIsAnsweredAsBefore() {
    JsonNode version = body(get(StoredVersionItem.USER_ID, PLAN + "/versions/1"));

    assertThat(StoredVersionItem.byValue(withoutSnapshot(version)))
        .isEqualTo(StoredVersionItem.byValue(before()));
  }

  @Test
  void thePlanShowsTheVersionAsBefore() {
    JsonNode plan = body(get(StoredVersionItem.USER_ID, PLAN));

    assertThat(StoredVersionItem.byValue(withoutSnapshot(plan.path("version"))))
        .isEqualTo(StoredVersionItem.byValue(before()));
  }

  /**
   * The version as answered before, once its one addition is checked: the market snapshot, which
   * for a version stored before snapshots is the historical one it was planned in.
   */
  static JsonNode withoutSnapshot(JsonNode version) {
    assertThat(version.path("snapshot").path("id").asText())
        .isEqualTo(MarketSnapshot.historical().id());
    ObjectNode copy = version.deepCopy();
    copy.remove("snapshot");
    return copy;
  }

  @Test
  void theTraceIsTheReasoningAsBefore() {
    JsonNode trace = body(get(StoredVersionItem.USER_ID, PLAN + "/trace"));

    assertThat(trace.path("planId").asText()).isEqualTo(StoredVersionItem.PLAN_ID);
    assertThat(trace.path("version").asInt()).isEqualTo(1);
    assertThat(StoredVersionItem.byValue(trace.path("trace")))
        .isEqualTo(StoredVersionItem.byValue(before().path("reasoning")));
  }

  /** What the API answered for the stored version before versions held typed results. */
  static JsonNode before() {
    try (InputStream in = StoredVersionsTest.class.getResourceAsStream("version-response.json")) {
      return Json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
