package dev.finpilot.messaging;

import java.util.ArrayList;
import java.util.List;

/** A bus that keeps what it is given to send, for the tests of every module. */
public final class RecordingBus implements MessageBus {
  private final List<Envelope> sent = new ArrayList<>();
  private final List<MessageOrigin> origins = new ArrayList<>();

  @Override
  public synchronized void send(Envelope envelope, MessageOrigin origin) {
    sent.add(envelope);
    origins.add(origin);
  }

  /** Every envelope sent, in order. */
  public synchronized List<Envelope> sent() {
    return List.copyOf(sent);
  }

  /** The origin each envelope of {@link #sent()} was sent with. */
  public synchronized List<MessageOrigin> origins() {
    return List.copyOf(origins);
  }

  public synchronized void clear() {
    sent.clear();
    origins.clear();
  }
}
