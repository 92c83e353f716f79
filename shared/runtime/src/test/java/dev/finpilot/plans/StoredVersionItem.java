package dev.finpilot.plans;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.finpilot.domain.FinancialStateFixtures;
import dev.finpilot.messaging.Json;
import dev.finpilot.messaging.MessageType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A plan version item as it was stored before versions held typed results (reasoning, projection
 * and report as free JSON trees): the {@code version} and {@code verification} attributes of {@code
 * VERSION#0001}, captured from that code for the planner's answer to the sample request. That code
 * wrote numbers in more than one form (450.00 as {@code 4.5E+2}), so JSON is compared by value.
 */
public final class StoredVersionItem {
  public static final String PLAN_ID = "4b0c2f4e-7d1a-4c1e-9a57-1f6b2b3c4d5e";
  public static final String USER_ID = "user-123";

  private StoredVersionItem() {}

  /** The {@code version} attribute: the version without its report. */
  public static String version() {
    return resource("stored-version.json");
  }

  /** The {@code verification} attribute, written when the verifier ran. */
  public static String verification() {
    return resource("stored-verification.json");
  }

  /**
   * Stores the head of a plan whose version 1 awaits its owner, as the workflow leaves it; the
   * version itself is the caller's to store.
   */
  public static void storeHead(PlanRepository plans, String planId, String userId, Instant at) {
    PlanRecord received =
        PlanRecord.received(planId, userId, FinancialStateFixtures.request(), "corr-stored", at);
    plans.create(received);
    plans.apply(
        Transition.of(
            PlanChange.of(received, PlanStatus.AWAITING_APPROVAL, null).generating(1, 1),
            new Transition.Cause(MessageType.PLAN_VERIFIED, "m1", "corr-stored"),
            at));
  }

  /** {@code json} with every number in one form, so that trees equal in value are equal. */
  public static JsonNode byValue(JsonNode json) {
    if (json.isNumber()) {
      return DecimalNode.valueOf(json.decimalValue().stripTrailingZeros());
    }
    if (json.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      json.forEach(e -> copy.add(byValue(e)));
      return copy;
    }
    if (json.isObject()) {
      ObjectNode copy = Json.mapper().createObjectNode();
      for (Map.Entry<String, JsonNode> field : json.properties()) {
        copy.set(field.getKey(), byValue(field.getValue()));
      }
      return copy;
    }
    return json;
  }

  private static String resource(String name) {
    try (InputStream in = StoredVersionItem.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
