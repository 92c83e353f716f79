package dev.finpilot.market;

import dev.finpilot.domain.AssumptionBasis;
import dev.finpilot.domain.JsonMapping;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The market a plan is made in: the capital-market assumptions planning projects with, and what
 * they were built from. A plan version keeps its snapshot, so it can be projected again, bit for
 * bit, whatever the markets have done since.
 *
 * @param id a hash of everything else, so that equal snapshots have equal ids
 * @param asOf the date of the latest market reading used; the end of the embedded history when none
 *     was
 * @param edition the embedded data set the volatilities, correlations and premiums come from
 * @param inputs the market readings tried, each used or replaced by history (none for {@link
 *     AssumptionBasis#HISTORICAL})
 */
public record MarketSnapshot(
    String id,
    AssumptionBasis basis,
    LocalDate asOf,
    String edition,
    List<MarketInput> inputs,
    AssumptionsDocument assumptions) {

  private static final int ID_BYTES = 8;

  public MarketSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(edition, "edition");
    Objects.requireNonNull(assumptions, "assumptions");
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** The snapshot of the embedded history: what every plan was made with before snapshots. */
  public static MarketSnapshot historical() {
    return Embedded.HISTORICAL;
  }

  private static final class Embedded {
    static final MarketSnapshot HISTORICAL = historical(HistoricalReturns.embedded());
  }

  public static MarketSnapshot historical(HistoricalReturns data) {
    return of(
        AssumptionBasis.HISTORICAL,
        MarketInput.endOf(data),
        data.edition(),
        List.of(),
        AssumptionsDocument.historical(data));
  }

  /**
   * Forward-looking means from today's 3-month and 10-year Treasury yields and consumer prices,
   * over the history's volatilities and correlations; a reading that is unavailable leaves its part
   * historical and says why.
   */
  public static MarketSnapshot currentMarket(
      HistoricalReturns data,
      MarketReading threeMonthYield,
      MarketReading tenYearYield,
      MarketReading consumerPrices) {
    return new ForwardLookingMeans(data).snapshot(threeMonthYield, tenYearYield, consumerPrices);
  }

  static MarketSnapshot of(
      AssumptionBasis basis,
      LocalDate asOf,
      String edition,
      List<MarketInput> inputs,
      AssumptionsDocument assumptions) {
    Content content = new Content(basis, asOf, edition, inputs, assumptions);
    return new MarketSnapshot(hash(content), basis, asOf, edition, inputs, assumptions);
  }

  /** Everything the id covers, in the order it is written. */
  private record Content(
      AssumptionBasis basis,
      LocalDate asOf,
      String edition,
      List<MarketInput> inputs,
      AssumptionsDocument assumptions) {}

  private static String hash(Content content) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JsonMapping.write(content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
