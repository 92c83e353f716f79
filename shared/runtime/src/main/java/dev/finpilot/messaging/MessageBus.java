package dev.finpilot.messaging;

/** Sends an envelope to the queue of its type, with the trace as message attributes. */
public interface MessageBus {
  void send(Envelope envelope, MessageOrigin trace);
}
