package dev.finpilot.aws;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageType;
import dev.finpilot.messaging.Payloads;
import java.time.Instant;
import java.util.List;

/** The command these tests send through the adapters: the workflow asking for a first plan. */
final class Commands {

  private Commands() {}

  static Envelope generatePlan(String planId, Instant at) {
    return Envelope.create(
        MessageType.GENERATE_PLAN,
        planId,
        1,
        "user-1",
        new Payloads.GeneratePlan(1, List.of()),
        at);
  }
}
