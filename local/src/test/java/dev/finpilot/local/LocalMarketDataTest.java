package dev.finpilot.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.SamTemplate;
import dev.finpilot.testkit.template.TemplateLocator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalMarketDataTest {

  private static final SamTemplate TEMPLATE = SamTemplate.read(TemplateLocator.locate());
  private static final String API = "finpilot.testkit.env.ApiFunction.";
  private static final String RETRIEVAL = "finpilot.testkit.env.RetrievalFunction.";

  @Test
  void byDefaultEveryFunctionThatReadsMarketDataRunsOfflineAndSaysSo() {
    Map<String, String> overrides = LocalMarketData.overrides(TEMPLATE, Map.of("HOME", "/root"));

    assertThat(overrides)
        .containsEntry(API + "MARKET_DATA_SOURCES", "")
        .containsEntry(RETRIEVAL + "MARKET_DATA_SOURCES", "")
        .doesNotContainKey("finpilot.testkit.env.PlanningFunction.MARKET_DATA_SOURCES")
        .doesNotContainKey(API + "MARKET_DATA_API_KEY_SECRET_ARN")
        .allSatisfy((name, value) -> assertThat(name).endsWith(".MARKET_DATA_SOURCES"));
    assertThat(LocalMarketData.describe(Map.of()))
        .startsWith("market data: offline, embedded historical data;")
        .contains("MARKET_DATA_SOURCES=alpha-vantage,yahoo-finance", "ALPHA_VANTAGE_API_KEYS=");
  }

  @Test
  void theUsersSourcesKeysAndAddressesReachThoseFunctionsAndNoKeyIsPrinted() {
    Map<String, String> user =
        Map.of(
            "MARKET_DATA_SOURCES", "alpha-vantage,yahoo-finance",
            "ALPHA_VANTAGE_API_KEYS", "KEYONE123,KEYTWO456",
            "YAHOO_FINANCE_URL", "http://127.0.0.1:9999");

    assertThat(LocalMarketData.overrides(TEMPLATE, user))
        .containsEntry(RETRIEVAL + "MARKET_DATA_SOURCES", "alpha-vantage,yahoo-finance")
        .containsEntry(API + "ALPHA_VANTAGE_API_KEYS", "KEYONE123,KEYTWO456")
        .containsEntry(API + "YAHOO_FINANCE_URL", "http://127.0.0.1:9999")
        .containsEntry(RETRIEVAL + "MARKET_DATA_API_KEY_SECRET_ARN", "")
        .doesNotContainKey(API + "ALPHA_VANTAGE_URL");
    assertThat(LocalMarketData.describe(user))
        .isEqualTo(
            "market data: live from alpha-vantage,yahoo-finance through the cache"
                + " (2 Alpha Vantage keys from ALPHA_VANTAGE_API_KEYS)")
        .doesNotContain("KEYONE", "KEYTWO");
    assertThat(LocalMarketData.describe(Map.of("MARKET_DATA_SOURCES", "yahoo-finance")))
        .contains("no ALPHA_VANTAGE_API_KEYS");
  }
}
