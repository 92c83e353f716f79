package dev.finpilot.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP/1.1 POST sent from a chosen loopback address. The API throttles registration and login
 * per source address (30 attempts in 15 minutes, docs/api.md), as it should; a thousand users come
 * from many addresses, so on a local API each group of users posts from an address of its own in
 * 127.0.0.0/8. The JDK HttpClient of Java 17 cannot choose its local address, hence this.
 */
final class LoopbackPost {

  /** Users per source address: register and login are two attempts each, within the 30. */
  static final int USERS_PER_ADDRESS = 10;

  /** Where a run's first group may start: below it, 12,500 groups are left for its users. */
  private static final int FIRST_GROUPS = 50_000;

  private LoopbackPost() {}

  static boolean applies(URI api) {
    String host = api.getHost();
    return "127.0.0.1".equals(host) || "localhost".equals(host);
  }

  /**
   * The address of a run's user: runs start at groups of their own (drawn from the run's id), so
   * the attempts of an earlier run on the same API do not count against a later one's users.
   */
  static InetAddress addressFor(String runId, int user) {
    return address(Math.floorMod(runId.hashCode(), FIRST_GROUPS) + user / USERS_PER_ADDRESS);
  }

  private static InetAddress address(int group) {
    byte[] address = {127, 10, (byte) (group / 250), (byte) (group % 250 + 1)};
    try {
      return InetAddress.getByAddress(address);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are an address", e);
    }
  }

  static ApiClient.Response post(
      InetAddress from, URI url, String json, Map<String, String> headers, Duration timeout)
      throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    int port = url.getPort() < 0 ? 80 : url.getPort();
    StringBuilder head =
        new StringBuilder("POST ")
            .append(url.getRawPath())
            .append(" HTTP/1.1\r\nHost: ")
            .append(url.getHost())
            .append(':')
            .append(port)
            .append("\r\nContent-Type: application/json\r\nContent-Length: ")
            .append(body.length)
            .append("\r\nConnection: close\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  /** The server closes the connection after the answer (Connection: close): read to the end. */
  private static ApiClient.Response parse(InputStream in) throws IOException {
    String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    int end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("incomplete HTTP answer: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    String retryAfter = null;
    for (String line : lines) {
      if (line.regionMatches(true, 0, "Retry-After:", 0, 12)) {
        retryAfter = line.substring(12).trim();
      }
    }
    return new ApiClient.Response(status, raw.substring(end + 4), retryAfter);
  }
}
