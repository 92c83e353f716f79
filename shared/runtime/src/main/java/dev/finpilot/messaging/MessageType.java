package dev.finpilot.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * Every message FinPilot sends. Commands go from the workflow to an agent; each agent answers the
 * workflow with the matching event. The API sends the owner's own decisions and reported life
 * events to the workflow as events too. The wire name is the PascalCase form used in the {@code
 * messageType} attribute, in logs and in docs.
 */
public enum MessageType {
  PLAN_SUBMITTED("PlanSubmitted", Destination.WORKFLOW),
  RETRIEVE_MARKET_DATA("RetrieveMarketData", Destination.RETRIEVAL),
  MARKET_DATA_RETRIEVED("MarketDataRetrieved", Destination.WORKFLOW),
  GENERATE_PLAN("GeneratePlan", Destination.PLANNING),
  PLAN_GENERATED("PlanGenerated", Destination.WORKFLOW),
  VERIFY_PLAN("VerifyPlan", Destination.VERIFICATION),
  PLAN_VERIFIED("PlanVerified", Destination.WORKFLOW),
  EXECUTE_PLAN("ExecutePlan", Destination.EXECUTION),
  PLAN_EXECUTED("PlanExecuted", Destination.WORKFLOW),
  AGENT_FAILED("AgentFailed", Destination.WORKFLOW),
  /** A life event or market move that may invalidate an ACTIVE plan, with the review decided. */
  TRIGGER_RAISED("TriggerRaised", Destination.WORKFLOW),
  /** The owner accepts the version awaiting approval. */
  VERSION_APPROVED("VersionApproved", Destination.WORKFLOW),
  /** The owner declines the version awaiting approval; the active version stays. */
  VERSION_REJECTED("VersionRejected", Destination.WORKFLOW);

  private final String wireName;
  private final Destination destination;

  MessageType(String wireName, Destination destination) {
    this.wireName = wireName;
    this.destination = destination;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The queue a message of this type is sent to. */
  public Destination destination() {
    return destination;
  }

  @JsonCreator
  public static MessageType fromWireName(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(name))
        .findFirst()
        .orElseThrow(() -> new PoisonMessageException("unknown message type: " + name));
  }
}
