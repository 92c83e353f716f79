package dev.finpilot.functions.api;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.finpilot.domain.FieldError;
import dev.finpilot.messaging.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads API request bodies strictly: FinPilot's JSON mapping of the domain records, but unknown
 * fields, duplicate keys, nulls inside arrays, fractions for integers, numbers for enums and
 * absurdly large numbers are refused. Every refusal names the field (as a JSON path such as {@code
 * state.accounts[0].balance.amount}) so the client can fix it.
 */
final class RequestBodies {

  /** Larger than any household's money by far, yet cheap to round to cents. */
  static final int MAX_INTEGER_DIGITS = 15;

  static final int MAX_FRACTION_DIGITS = 10;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static final ObjectMapper STRICT =
      Json.mapper()
          .copy()
          .registerModule(
              new SimpleModule("bounded-decimals")
                  .addDeserializer(BigDecimal.class, new BoundedBigDecimalDeserializer()))
          .setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private RequestBodies() {}

  /**
   * Parses a JSON object body into {@code type}.
   *
   * @throws ProblemException 400 naming what is wrong: malformed JSON, not an object, an unknown
   *     field or a field of the wrong type
   */
  static <T> T read(String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      throw invalid("the request body is empty; send a JSON object", List.of());
    }
    JsonNode tree;
    try {
      tree = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
    if (!tree.isObject()) {
      throw invalid("the request body must be a JSON object", List.of());
    }
    try {
      return STRICT.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      FieldError error = describe(e);
      throw invalid(error.field() + ": " + error.message(), List.of(error));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static ProblemException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return invalid(
        "the request body is not valid JSON" + where + ": " + e.getOriginalMessage(), List.of());
  }

  private static FieldError describe(JsonMappingException e) {
    String path = path(e.getPath());
    if (e instanceof UnrecognizedPropertyException) {
      return new FieldError(path, "is not a known field");
    }
    if (e instanceof InvalidNullException) {
      return new FieldError(path, "must not be null");
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause();
      if (cause instanceof NullPointerException
          && cause.getMessage() != null
          && IDENTIFIER.matcher(cause.getMessage()).matches()) {
        return new FieldError(join(path, cause.getMessage()), "is required");
      }
      return new FieldError(path, "is invalid");
    }
    if (e instanceof OutOfRangeException) {
      return new FieldError(path, e.getOriginalMessage());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldError(path, "must be " + expected(mismatch.getTargetType()));
    }
    return new FieldError(path, "is invalid");
  }

  /** A JSON path in the style of domain field errors: {@code goals[0].targetDate}. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(body)" : sb.toString();
  }

  private static String join(String path, String field) {
    return "(body)".equals(path) ? field : path + "." + field;
  }

  /** Describes a Java type in JSON terms; internal class names never reach the client. */
  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == int.class || type == Integer.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Currency.class) {
      return "an ISO 4217 currency code such as \"USD\"";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "a date in ISO 8601 form (YYYY-MM-DD)";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  private static ProblemException invalid(String detail, List<FieldError> errors) {
    return new ProblemException(ProblemType.INVALID_REQUEST, detail, errors);
  }

  /**
   * Refuses decimals that are huge or absurdly precise before the domain rounds them to cents:
   * {@code 1e999999999} is a short string but an enormous number to materialise.
   */
  static final class BoundedBigDecimalDeserializer
      extends NumberDeserializers.BigDecimalDeserializer {
    private static final long serialVersionUID = 1L;

    @Override
    public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      BigDecimal value = super.deserialize(p, ctxt);
      if (value != null
          && (value.precision() - value.scale() > MAX_INTEGER_DIGITS
              || value.scale() > MAX_FRACTION_DIGITS)) {
        throw new OutOfRangeException(
            p,
            "must have at most "
                + MAX_INTEGER_DIGITS
                + " digits before and "
                + MAX_FRACTION_DIGITS
                + " after the decimal point");
      }
      return value;
    }
  }

  /** A number the API refuses to compute with. */
  static final class OutOfRangeException extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    OutOfRangeException(JsonParser p, String message) {
      super(Objects.requireNonNull(p), message);
    }
  }
}
