package dev.finpilot.retrieval.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.finpilot.domain.JsonMapping;
import dev.finpilot.market.Observation;
import dev.finpilot.market.Provenance;
import dev.finpilot.market.Series;
import dev.finpilot.retrieval.ProviderException;
import dev.finpilot.retrieval.ProviderException.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Reading a provider's JSON: numbers exactly as written (a price of {@code 412.50} keeps its
 * scale), and anything missing or unreadable is {@link Kind#MALFORMED}.
 */
final class ProviderJson {
  private static final ObjectReader READER =
      JsonMapping.mapper().reader().without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private final String provider;

  ProviderJson(String provider) {
    this.provider = provider;
  }

  JsonNode parse(String body) {
    try {
      JsonNode tree = READER.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw malformed("the answer is not a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw malformed("the answer is not JSON");
    }
  }

  /** A number written as a JSON number or, as Alpha Vantage writes them, as a string. */
  BigDecimal decimal(JsonNode node, String what) {
    if (node != null && node.isNumber()) {
      return node.decimalValue();
    }
    if (node != null && node.isTextual()) {
      try {
        return new BigDecimal(node.asText().strip());
      } catch (NumberFormatException e) {
        throw malformed(what + " is not a number");
      }
    }
    throw malformed(what + " is missing");
  }

  LocalDate date(JsonNode node, String what) {
    if (node == null || !node.isTextual()) {
      throw malformed(what + " is missing");
    }
    return date(node.asText(), what);
  }

  LocalDate date(String text, String what) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw malformed(what + " is not a date");
    }
  }

  JsonNode require(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      throw malformed(field + " is missing");
    }
    return node;
  }

  /** A series of the values read, oldest first; no values at all is malformed. */
  Series series(
      String name, Series.Unit unit, SortedMap<LocalDate, BigDecimal> values, Instant fetchedAt) {
    if (values.isEmpty()) {
      throw malformed("the series " + name + " has no values");
    }
    List<Observation> points = new ArrayList<>();
    values.forEach((date, value) -> points.add(new Observation(date, value)));
    return new Series(name, unit, points, provider, fetchedAt, Provenance.LIVE);
  }

  ProviderException malformed(String message) {
    return new ProviderException(provider, Kind.MALFORMED, message);
  }
}
