package dev.finpilot.messaging;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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
  /**
   * The owner declines the version awaiting approval; the active version stays. Messages queued and
   * history stored before the name changed say {@code VersionRejected}.
   */
  VERSION_DECLINED("VersionDeclined", Destination.WORKFLOW, "VersionRejected"),
  /**
   * The owner stops a plan still being worked on. The API applies it at once, with the workflow's
   * conditional write, so that its answer can already say CANCELLED; it names the cause in the
   * plan's history and is never queued.
   */
  CANCEL_REQUESTED("CancelRequested", Destination.WORKFLOW);

  private final String wireName;
  private final Destination destination;
  private final String formerWireName;

  MessageType(String wireName, Destination destination) {
    this(wireName, destination, null);
  }

  MessageType(String wireName, Destination destination, String formerWireName) {
    this.wireName = wireName;
    this.destination = destination;
    this.formerWireName = formerWireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The queue a message of this type is sent to. */
  public Destination destination() {
    return destination;
  }

  /** The type of a wire name, current or former. */
  @JsonCreator
  public static MessageType fromWireName(String name) {
    return find(name)
        .orElseThrow(() -> new PoisonMessageException("unknown message type: " + name));
  }

  /** The current wire name for {@code name}; a name no type has, as it is. */
  public static String currentWireName(String name) {
    return find(name).map(MessageType::wireName).orElse(name);
  }

  private static Optional<MessageType> find(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName.equals(name) || Objects.equals(t.formerWireName, name))
        .findFirst();
  }
}
