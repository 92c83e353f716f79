package dev.finpilot.messaging;

/** Sends an envelope to the queue of its type, with the origin as message attributes. */
public interface MessageBus {
  void send(Envelope envelope, MessageOrigin origin);
}
