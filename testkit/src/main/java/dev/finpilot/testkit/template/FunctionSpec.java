package dev.finpilot.testkit.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} as the testkit runs it: its handler, limits, the environment
 * Lambda would give it (Globals merged, intrinsics resolved to the emulator's resources) and its
 * SQS triggers.
 */
public record FunctionSpec(
    String logicalId,
    String functionName,
    String functionArn,
    String handler,
    Duration timeout,
    int memorySizeMb,
    Map<String, String> environment,
    List<SqsEventSource> sqsEvents) {

  public FunctionSpec {
    environment = Map.copyOf(environment);
    sqsEvents = List.copyOf(sqsEvents);
  }

  /** The one SQS trigger of an agent function; an error if it has none or several. */
  public SqsEventSource sqsEvent() {
    if (sqsEvents.size() != 1) {
      throw new IllegalStateException(
          logicalId
              + " has "
              + sqsEvents.size()
              + " SQS events "
              + sqsEvents.stream().map(SqsEventSource::eventName).toList()
              + "; pick one by name");
    }
    return sqsEvents.get(0);
  }

  public SqsEventSource sqsEvent(String eventName) {
    return sqsEvents.stream()
        .filter(e -> e.eventName().equals(eventName))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    logicalId
                        + " has no SQS event '"
                        + eventName
                        + "'; it has "
                        + sqsEvents.stream().map(SqsEventSource::eventName).toList()));
  }
}
