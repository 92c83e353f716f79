package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.micronaut.web.router.Router;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml and the routes the handler actually serves must agree. */
class OpenApiDocumentTest extends HandlerHarness {
  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  static JsonNode document() throws IOException {
    return new YAMLMapper().readTree(RepositoryFiles.resolve("docs/openapi.yaml").toFile());
  }

  @Test
  void everyRouteIsDocumentedAndEveryDocumentedOperationIsServed() throws IOException {
    Set<String> served =
        handler
            .getApplicationContext()
            .getBean(Router.class)
            .uriRoutes()
            // Micronaut answers HEAD for every GET, as HTTP expects; OpenAPI leaves it implied.
            .filter(r -> !"HEAD".equals(r.getHttpMethodName()))
            .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
            .collect(Collectors.toSet());

    Set<String> documented = new HashSet<>();
    document()
        .path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method -> {
                          if (METHODS.contains(method)) {
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));

    assertThat(served).isEqualTo(documented);
  }

  @Test
  void everyProblemTypeIsDocumented() throws IOException {
    Set<String> documented = new HashSet<>();
    document()
        .at("/components/schemas/Problem/properties/type/enum")
        .forEach(t -> documented.add(t.asText()));

    assertThat(documented)
        .isEqualTo(
            Arrays.stream(ProblemType.values()).map(ProblemType::uri).collect(Collectors.toSet()));
  }
}
