package dev.finpilot.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;

/**
 * One virtual user's login: the tokens its calls carry, replaced on refresh, and the loopback
 * address its register and login requests come from.
 */
final class Session {

  final String email;
  final InetAddress sourceAddress;
  private volatile String accessToken;
  private volatile String refreshToken;
  private volatile String userId;

  Session(String email, InetAddress sourceAddress) {
    this.email = email;
    this.sourceAddress = sourceAddress;
  }

  /** Takes the tokens of a session answer (register, login or refresh). */
  synchronized void update(JsonNode session) {
    accessToken = session.path("accessToken").asText();
    refreshToken = session.path("refreshToken").asText();
    if (session.has("user")) {
      userId = session.path("user").path("userId").asText();
    }
  }

  String accessToken() {
    return accessToken;
  }

  String bearer() {
    return "Bearer " + accessToken;
  }

  String refreshToken() {
    return refreshToken;
  }

  String userId() {
    return userId;
  }

  /** Makes the access token unusable, as an expired one is: the next call must refresh. */
  synchronized void expireAccessToken() {
    accessToken = accessToken + "x";
  }
}
