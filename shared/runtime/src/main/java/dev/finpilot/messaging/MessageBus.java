package dev.finpilot.messaging;

import java.util.List;

/** Sends an envelope to the queue of its type, with the origin as message attributes. */
public interface MessageBus {
  void send(Envelope envelope, MessageOrigin origin);

  /**
   * Sends every envelope with the same origin, as a transport allows in as few requests as it can.
   * Fails if any one was not sent; the others may have been.
   */
  default void sendAll(List<Envelope> envelopes, MessageOrigin origin) {
    envelopes.forEach(e -> send(e, origin));
  }
}
