package dev.finpilot.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.finpilot.retrieval.CacheLifetimes;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class MarketDataSourcesTest {

  private static FunctionEnvironment env(String... pairs) {
    Map<String, String> variables = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      variables.put(pairs[i], pairs[i + 1]);
    }
    return new FunctionEnvironment(variables);
  }

  @Test
  void theSourcesAreTheNamedProvidersInOrderWithTheEmbeddedDataImpliedLast() {
    assertThat(
            MarketDataSources.sourceNames(
                env("MARKET_DATA_SOURCES", " alpha-vantage, yahoo-finance ,embedded,")))
        .containsExactly("alpha-vantage", "yahoo-finance");
    assertThat(MarketDataSources.sourceNames(env("MARKET_DATA_SOURCES", ""))).isEmpty();
    assertThat(MarketDataSources.sourceNames(env())).isEmpty();
  }

  @Test
  void cacheLifetimesAreTheDefaultsUnlessConfiguredInSeconds() {
    assertThat(MarketDataSources.lifetimes(env())).isEqualTo(CacheLifetimes.DEFAULT);

    CacheLifetimes configured =
        MarketDataSources.lifetimes(
            env("QUOTE_CACHE_SECONDS", "60", "SERIES_CACHE_SECONDS", " 3600 "));

    assertThat(configured.quotes()).isEqualTo(Duration.ofMinutes(1));
    assertThat(configured.series()).isEqualTo(Duration.ofHours(1));
    assertThat(configured.unknownSymbols()).isEqualTo(CacheLifetimes.DEFAULT.unknownSymbols());
    assertThatThrownBy(() -> MarketDataSources.lifetimes(env("QUOTE_CACHE_SECONDS", "5m")))
        .hasMessage("QUOTE_CACHE_SECONDS must be a positive whole number of seconds, was '5m'");
    assertThatThrownBy(() -> MarketDataSources.lifetimes(env("SERIES_CACHE_SECONDS", "0")))
        .hasMessageStartingWith("SERIES_CACHE_SECONDS must be a positive");
  }

  @Test
  void aSourceThatIsNoProviderStopsTheFunctionFromStarting() {
    try (DynamoDbClient dynamo =
        DynamoDbClient.builder()
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      assertThatThrownBy(
              () ->
                  MarketDataSources.from(
                      env(
                          "MARKET_DATA_TABLE",
                          "t",
                          "MARKET_DATA_SOURCES",
                          "alpha-vantage,bloomberg"),
                      dynamo,
                      Clock.systemUTC()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("bloomberg");
    }
  }
}
