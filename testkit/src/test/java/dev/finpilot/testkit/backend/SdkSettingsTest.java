package dev.finpilot.testkit.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SdkSettingsTest {

  @Test
  void sdkSettingsPointClientsAtTheBackendWithoutOverwritingChoices() {
    String previousRegion = System.getProperty("aws.region");
    String previousEndpoint = System.getProperty("aws.endpointUrl");
    try {
      System.setProperty("aws.region", "eu-central-1");
      SdkSettings.apply(new ExplicitEndpoint(URI.create("http://127.0.0.1:1"), "1"), name -> null);
      assertThat(System.getProperty("aws.endpointUrl")).isEqualTo("http://127.0.0.1:1");
      assertThat(SdkSettings.region()).isEqualTo("eu-central-1");
      assertThat(System.getProperty("aws.accessKeyId")).isNotBlank();
    } finally {
      restore("aws.region", previousRegion);
      restore("aws.endpointUrl", previousEndpoint);
    }
  }

  private static void restore(String property, String value) {
    if (value == null) {
      System.clearProperty(property);
    } else {
      System.setProperty(property, value);
    }
  }
}
