package dev.finpilot.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void theIdentitySourceComesFirstThenAnyCaseOfTheAuthorizationHeader() {
    assertThat(BearerToken.from(List.of("Bearer a.b.c"), Map.of("authorization", "Bearer x.y.z")))
        .contains("a.b.c");
    assertThat(BearerToken.from(null, Map.of("Authorization", "bearer x.y.z"))).contains("x.y.z");
    assertThat(BearerToken.from(List.of(), Map.of("AUTHORIZATION", "BEARER  x.y.z")))
        .contains("x.y.z");
  }

  @Test
  void otherSchemesMissingHeadersAndJunkYieldNothing() {
    assertThat(BearerToken.from(null, null)).isEmpty();
    assertThat(BearerToken.from(null, Map.of("host", "example.com"))).isEmpty();
    for (String header : List.of("", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "token")) {
      assertThat(BearerToken.parse(header)).as(header).isEmpty();
    }
    assertThat(BearerToken.parse(null)).isEmpty();
  }
}
