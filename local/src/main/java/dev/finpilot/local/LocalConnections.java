package dev.finpilot.local;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.java_websocket.WebSocket;

/** The open connections of the local WebSocket API, by the id API Gateway would give them. */
final class LocalConnections {

  /** One connection, with what the management API's {@code GET @connections/{id}} reports. */
  record Connection(WebSocket socket, Instant connectedAt, String sourceIp, String userAgent) {}

  private static final int ID_BYTES = 12;

  private final SecureRandom random = new SecureRandom();
  private final ConcurrentMap<String, Connection> open = new ConcurrentHashMap<>();

  /** A new id shaped like API Gateway's (16 characters, e.g. {@code L0SM9cOFvHcCIhw=}). */
  String newId() {
    byte[] id = new byte[ID_BYTES];
    random.nextBytes(id);
    return Base64.getEncoder().encodeToString(id);
  }

  void opened(String id, Connection connection) {
    open.put(id, connection);
  }

  Optional<Connection> get(String id) {
    return Optional.ofNullable(open.get(id));
  }

  boolean closed(String id) {
    return open.remove(id) != null;
  }
}
