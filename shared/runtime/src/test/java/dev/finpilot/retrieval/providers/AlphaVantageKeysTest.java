package dev.finpilot.retrieval.providers;

import static dev.finpilot.retrieval.providers.ProviderAssertions.KEYS;
import static dev.finpilot.retrieval.providers.ProviderAssertions.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.retrieval.ProviderException.Kind;
import dev.finpilot.retrieval.RequestBudget;
import dev.finpilot.retrieval.providers.ProviderStubServer.Answer;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alpha Vantage keys in rotation, each within its shared daily budget. */
class AlphaVantageKeysTest {

  private static final HttpClient CLIENT = LiveProviders.httpClient();
  private static final String QUOTE = "alpha-vantage/global-quote.json";

  private final ProviderStubServer stub = ProviderStubServer.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final InMemoryRequestBudget budget = new InMemoryRequestBudget();

  @AfterEach
  void stop() {
    stub.close();
  }

  private AlphaVantageProvider provider(ApiKeySource keys, RequestBudget budget, int dailyLimit) {
    return new AlphaVantageProvider(
        new ProviderConfig(stub.baseUrl(), Duration.ofSeconds(5), dailyLimit),
        keys,
        budget,
        CLIENT,
        clock);
  }

  private static ApiKeys keys(int count) {
    return new ApiKeys(KEYS.subList(0, count).stream().map(ApiKey::of).toList());
  }

  private List<String> keysUsed() {
    return stub.requests().stream().map(r -> r.query().get("apikey")).toList();
  }

  @Test
  void requestsRotateThroughTheKeys() {
    AlphaVantageProvider provider = provider(keys(3), budget, 25);
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture(QUOTE));

    for (int i = 0; i < 4; i++) {
      provider.quote("SPY");
    }

    assertThat(keysUsed()).containsExactly(KEYS.get(0), KEYS.get(1), KEYS.get(2), KEYS.get(0));
    assertThat(budget.asked())
        .containsExactly(
            "alpha-vantage#" + ApiKey.of(KEYS.get(0)).fingerprint(),
            "alpha-vantage#" + ApiKey.of(KEYS.get(1)).fingerprint(),
            "alpha-vantage#" + ApiKey.of(KEYS.get(2)).fingerprint(),
            "alpha-vantage#" + ApiKey.of(KEYS.get(0)).fingerprint());
  }

  @Test
  void aKeyWhoseBudgetRefusesIsSkippedWithoutACall() {
    ApiKey first = ApiKey.of(KEYS.get(0));
    RequestBudget firstSpent =
        (name, limit, window, now) ->
            !name.equals(AlphaVantageKeys.budgetName(first))
                && budget.tryTake(name, limit, window, now);
    AlphaVantageProvider provider = provider(keys(2), firstSpent, 25);
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture(QUOTE));

    provider.quote("SPY");
    provider.quote("SPY");

    assertThat(keysUsed()).containsExactly(KEYS.get(1), KEYS.get(1));
  }

  @Test
  void aKeyAlphaVantageSaysIsSpentMovesTheRequestOnAndRestsUntilTheNextDay() {
    AlphaVantageProvider provider = provider(keys(2), budget, 25);
    stub.alphaVantage(
        "GLOBAL_QUOTE",
        "SPY",
        Answer.fixture("alpha-vantage/information-daily-limit.json"),
        Answer.fixture(QUOTE));

    try (CapturedLogs logs = CapturedLogs.capture()) {
      assertThat(provider.quote("SPY").source()).isEqualTo("alpha-vantage");
      provider.quote("SPY");
      provider.quote("SPY");

      assertThat(keysUsed()).containsExactly(KEYS.get(0), KEYS.get(1), KEYS.get(1), KEYS.get(1));
      assertThat(logs.lines())
          .anySatisfy(line -> assertThat(line).contains(ApiKey.of(KEYS.get(0)).fingerprint()))
          .allSatisfy(line -> KEYS.forEach(key -> assertThat(line).doesNotContain(key)));
    }

    clock.advance(Duration.ofDays(1));
    provider.quote("SPY");
    provider.quote("SPY");
    assertThat(keysUsed().subList(4, 6)).containsExactlyInAnyOrder(KEYS.get(0), KEYS.get(1));
  }

  @Test
  void whenEveryKeyIsSpentTheRequestFailsAsADailyLimitWithoutACall() {
    AlphaVantageProvider provider = provider(keys(2), budget, 1);
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture(QUOTE));
    provider.quote("SPY");
    provider.quote("SPY");

    assertKind(() -> provider.quote("SPY"), Kind.DAILY_LIMIT);
    assertKind(() -> provider.quote("SPY"), Kind.DAILY_LIMIT);
    assertThat(stub.calls()).isEqualTo(2);
  }

  @Test
  void aKeysOwnDailyLimitOverridesTheDefault() {
    ApiKeys keys = new ApiKeys(List.of(new ApiKey(KEYS.get(0), OptionalInt.of(3))));
    AlphaVantageProvider provider = provider(keys, budget, 1);
    stub.alphaVantage("GLOBAL_QUOTE", "SPY", Answer.fixture(QUOTE));

    for (int i = 0; i < 3; i++) {
      provider.quote("SPY");
    }

    assertKind(() -> provider.quote("SPY"), Kind.DAILY_LIMIT);
    assertThat(stub.calls()).isEqualTo(3);
  }

  @Test
  void noKeysOrUnreadableKeysAreRefusedCredentialsAndAnUnreachableSecretAnOutage() {
    ApiKeySource unreadable =
        () -> {
          throw new IllegalArgumentException("the API key secret is not JSON");
        };
    ApiKeySource unreachable =
        () -> {
          throw new IllegalStateException("Secrets Manager did not answer");
        };

    assertKind(() -> provider(new ApiKeys(List.of()), budget, 25).quote("SPY"), Kind.UNAUTHORIZED);
    assertKind(() -> provider(unreadable, budget, 25).quote("SPY"), Kind.UNAUTHORIZED);
    assertKind(() -> provider(unreachable, budget, 25).quote("SPY"), Kind.UNAVAILABLE);
    assertThat(stub.calls()).isZero();
  }
}
