package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** The local WebSocket API's settings, routes, handshake parsing and management API errors. */
class LocalWebSocketSettingsTest {

  @Test
  void theManagementApiReadsTheConnectionIdWithOrWithoutAStage() {
    assertThat(LocalConnectionsApi.connectionId("/@connections/abc%3D")).hasValue("abc%3D");
    assertThat(LocalConnectionsApi.connectionId("/dev/@connections/abc")).hasValue("abc");
    assertThat(LocalConnectionsApi.connectionId("/a/b/@connections/abc")).isEmpty();
    assertThat(LocalConnectionsApi.connectionId("/@connections/abc/def")).isEmpty();
    assertThat(LocalConnectionsApi.connectionId("/@connections/")).isEmpty();
    assertThat(LocalConnectionsApi.connectionId("/connections/abc")).isEmpty();
  }

  @Test
  void theWebSocketPortIsTheOneAfterTheHttpPortUnlessSet() {
    assertThat(LocalRunner.webSocketPort(Map.of(), 8080)).isEqualTo(8081);
    assertThat(LocalRunner.webSocketPort(Map.of("FINPILOT_WS_PORT", " 9000 "), 8080))
        .isEqualTo(9000);
    assertThat(LocalRunner.webSocketPort(Map.of("FINPILOT_WS_PORT", ""), 8080)).isEqualTo(8081);
  }

  @Test
  void freshMeansOneOrTrue() {
    assertThat(LocalState.fresh(Map.of("FINPILOT_FRESH", "1"))).isTrue();
    assertThat(LocalState.fresh(Map.of("FINPILOT_FRESH", "TRUE"))).isTrue();
    assertThat(LocalState.fresh(Map.of("FINPILOT_FRESH", "0"))).isFalse();
    assertThat(LocalState.fresh(Map.of())).isFalse();
  }

  @Test
  void theTemplatesConnectAndDisconnectRoutesReachTheRealtimeFunction() {
    SamTemplate template = SamTemplate.read(TemplateLocator.locate());
    assertThat(WebSocketRoutes.read(template))
        .isEqualTo(Map.of("$connect", "RealtimeFunction", "$disconnect", "RealtimeFunction"));
  }

  @Test
  void theHandshakesQueryStringIsDecodedAsApiGatewayDecodesIt() {
    assertThat(LocalWebSocketApi.query("/?token=a.b%2Bc&flag"))
        .isEqualTo(Map.of("token", "a.b+c", "flag", ""));
    assertThat(LocalWebSocketApi.query("/")).isNull();
  }

  @Test
  void aConnectionThatIsNotOpenIsGoneForTheSdkAsInAws() throws Exception {
    LocalConnections connections = new LocalConnections();
    try (LocalConnectionsApi api = LocalConnectionsApi.start(connections);
        ApiGatewayManagementApiClient client = client(api.endpoint())) {
      String id = connections.newId();
      assertThat(id).hasSize(16);
      assertThatThrownBy(
              () ->
                  client.postToConnection(
                      r -> r.connectionId(id).data(SdkBytes.fromUtf8String("{}"))))
          .isInstanceOf(GoneException.class);
      assertThatThrownBy(() -> client.deleteConnection(r -> r.connectionId(id)))
          .isInstanceOf(GoneException.class);
      assertThatThrownBy(() -> client.getConnection(r -> r.connectionId(id)))
          .isInstanceOf(GoneException.class);
    }
  }

  private static ApiGatewayManagementApiClient client(URI endpoint) {
    return ApiGatewayManagementApiClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
