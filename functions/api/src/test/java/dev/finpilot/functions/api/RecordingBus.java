package dev.finpilot.functions.api;

import dev.finpilot.messaging.Envelope;
import dev.finpilot.messaging.MessageBus;
import dev.finpilot.messaging.MessageOrigin;
import java.util.ArrayList;
import java.util.List;

/** Keeps what was sent; can be told to refuse, as an unreachable queue would. */
final class RecordingBus implements MessageBus {
  record Sent(Envelope envelope, MessageOrigin origin) {}

  private final List<Sent> sent = new ArrayList<>();
  private boolean refusing;

  synchronized void refuse() {
    refusing = true;
  }

  synchronized void clear() {
    sent.clear();
    refusing = false;
  }

  @Override
  public synchronized void send(Envelope envelope, MessageOrigin origin) {
    if (refusing) {
      throw new IllegalStateException("queue unreachable");
    }
    sent.add(new Sent(envelope, origin));
  }

  synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }
}
