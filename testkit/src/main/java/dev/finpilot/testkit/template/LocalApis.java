package dev.finpilot.testkit.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * API Gateway v2 APIs (the WebSocket API) are not created on the emulator: nothing there would
 * route a connection. Each gets a stable id shaped like API Gateway's (ten lowercase characters),
 * so environment variables built from it resolve; code that calls the API's management endpoint is
 * pointed at a local stand-in through the SDK's endpoint settings.
 */
final class LocalApis {
  private LocalApis() {}

  static PhysicalResource placeholder(String logicalId, StackContext stack) {
    String id = apiId(stack.physicalName(logicalId));
    return new PhysicalResource(
        SamTemplate.API_V2,
        id,
        Map.of(
            "ApiId",
            id,
            "ApiEndpoint",
            "wss://" + id + ".execute-api." + stack.region() + ".amazonaws.com"));
  }

  private static String apiId(String physicalName) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(physicalName.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 5);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM provides SHA-256", e);
    }
  }
}
