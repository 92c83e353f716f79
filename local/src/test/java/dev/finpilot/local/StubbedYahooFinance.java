package dev.finpilot.local;

import dev.finpilot.retrieval.providers.ProviderConfig;
import dev.finpilot.retrieval.providers.ProviderStubServer;
import dev.finpilot.retrieval.providers.ResilienceSettings;
import dev.finpilot.retrieval.providers.YahooFinanceProvider;
import dev.finpilot.testkit.EnvironmentOverrides;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Points the retrieval function at Yahoo Finance alone, served by a {@link ProviderStubServer} that
 * the test class scripts (a parameter of its {@code @BeforeAll} and tests). The functions read
 * their variables when the stack is provisioned, so this must run first: declare it on the class
 * before {@code @WithAwsBackend}. Afterwards the other classes of the run get their settings back.
 */
final class StubbedYahooFinance implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final String PREFIX = EnvironmentOverrides.PREFIX + "RetrievalFunction.";

  /** Short, so that a stub that hangs costs a plan seconds rather than minutes. */
  private static final String TIMEOUT_MS = "1000";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StubbedYahooFinance.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    ProviderStubServer stub = ProviderStubServer.start();
    Map<String, String> settings =
        Map.of(
            "MARKET_DATA_SOURCES",
            YahooFinanceProvider.NAME,
            ProviderConfig.YAHOO_FINANCE_URL,
            stub.baseUrl().toString(),
            ProviderConfig.YAHOO_FINANCE_TIMEOUT_MS,
            TIMEOUT_MS,
            // Open for longer than the test runs, however slow the machine: once it has opened,
            // the stub must see no more calls.
            ResilienceSettings.BREAKER_OPEN_SECONDS,
            "3600");
    Map<String, String> previous = new HashMap<>();
    settings.forEach(
        (variable, value) -> {
          String property = PREFIX + variable;
          previous.put(property, System.getProperty(property));
          System.setProperty(property, value);
        });
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.put(ProviderStubServer.class, stub);
    store.put(Restore.class, new Restore(previous));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    store.remove(Restore.class, Restore.class).run();
    store.remove(ProviderStubServer.class, ProviderStubServer.class).close();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ProviderStubServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context.getStore(NAMESPACE).get(ProviderStubServer.class, ProviderStubServer.class);
  }

  /** The properties as they were: unset where they were unset. */
  private record Restore(Map<String, String> previous) implements Runnable {
    @Override
    public void run() {
      previous.forEach(
          (property, value) -> {
            if (value == null) {
              System.clearProperty(property);
            } else {
              System.setProperty(property, value);
            }
          });
    }
  }
}
