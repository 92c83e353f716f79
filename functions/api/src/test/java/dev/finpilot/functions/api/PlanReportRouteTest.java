package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.domain.Goal;
import dev.finpilot.domain.PlanningRequest;
import dev.finpilot.plans.PlanRecord;
import dev.finpilot.plans.PlanVersion;
import dev.finpilot.testkit.http.HttpApiEvents;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1/plans/{planId}/report}: the HTML page is read back with an HTML parser and every
 * figure it shows is compared with the API's JSON for the same version, both the report's own JSON
 * and the version's ({@code /versions/{n}}).
 */
class PlanReportRouteTest extends HandlerHarness {
  static final String MARKUP = "<script>alert(1)</script> & \"retire\"";

  final PlanSeeds seeds = new PlanSeeds(plans);
  PlanRecord plan;
  String base;

  @BeforeEach
  void activePlan() {
    plan = seeds.active(USER, NOW);
    base = "/v1/plans/" + plan.planId();
  }

  APIGatewayV2HTTPResponse html(String userId, String path) {
    return call(HttpApiEvents.get(path).identity(userId).header("Accept", "text/html"));
  }

  Document page(String path) {
    APIGatewayV2HTTPResponse response = html(USER, path);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return Jsoup.parse(response.getBody());
  }

  JsonNode json(String path) {
    APIGatewayV2HTTPResponse response = get(USER, path);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    return body(response);
  }

  @Test
  void everyFigureOnThePageIsTheApisFigureForThatVersion() {
    Document page = page(base + "/report");
    JsonNode report = json(base + "/report");
    JsonNode version = json(base + "/versions/1");

    ReportFigures.assertShownAsTheApiAnswers(page, report, version);
  }

  @Test
  void thePageIsSelfContainedAndItsPolicySaysSo() {
    APIGatewayV2HTTPResponse response = html(USER, base + "/report");

    assertThat(response.getHeaders())
        .containsEntry(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        .containsEntry("X-Content-Type-Options", "nosniff");
    assertThat(response.getHeaders().get("Content-Type")).startsWith("text/html");
    Document page = Jsoup.parse(response.getBody());
    assertThat(page.select("script, link, iframe, object, embed, img")).isEmpty();
    assertThat(page.select("[src], [href]")).isEmpty();
    assertThat(page.select("svg.fan-chart polygon")).hasSize(2);
    assertThat(page.select("svg.fan-chart polyline")).hasSize(1);
    assertThat(page.select("h3").eachText())
        .contains("Why this strategy", "The rules that shaped it");
    assertThat(page.select("table.versions tr.version-entry td").eachText()).contains("IN_FORCE");
  }

  @Test
  void textWithMarkupInAGoalComesOutAsText() {
    PlanRecord marked = seeds.received(USER, NOW.plusSeconds(60));
    PlanVersion planned = InsightVersions.planned(marked.planId(), 1, NOW);
    PlanningRequest asked = planned.request();
    Goal goal = asked.goals().get(0);
    PlanningRequest withMarkup =
        new PlanningRequest(
            asked.state(),
            List.of(
                new Goal(
                    goal.type(),
                    goal.targetAmount(),
                    goal.basis(),
                    goal.targetDate(),
                    goal.priority(),
                    MARKUP)),
            asked.taxYear(),
            asked.asOf(),
            asked.assumptions());
    plans.saveVersion(
        new PlanVersion(
            planned.planId(),
            1,
            planned.plan(),
            planned.reasoning(),
            planned.projection(),
            planned.verification(),
            planned.createdAt(),
            planned.snapshot(),
            withMarkup));
    seeds.advanceTo(marked, 1);

    APIGatewayV2HTTPResponse response = html(USER, "/v1/plans/" + marked.planId() + "/report");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(response.getBody())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;retire&quot;");
    Document page = Jsoup.parse(response.getBody());
    assertThat(page.select("script")).isEmpty();
    assertThat(page.selectFirst("tr.goal .description").text()).isEqualTo(MARKUP);
  }

  @Test
  void withoutAVersionInForceTheNewestIsReportedAndAnyVersionCanBeAsked() {
    PlanRecord underway = seeds.withVersions(USER, NOW.plusSeconds(60), 2);
    String path = "/v1/plans/" + underway.planId() + "/report";

    JsonNode newest = json(path);
    JsonNode first = json(path + "?version=1");

    assertThat(newest.path("version").asInt()).isEqualTo(2);
    assertThat(newest.path("versions").findValuesAsText("status"))
        .containsExactly("EARLIER", "NEWEST");
    assertThat(first.path("version").asInt()).isEqualTo(1);
    assertThat(first.path("projection").path("successProbability").asDouble())
        .isEqualTo(
            json("/v1/plans/" + underway.planId() + "/versions/1")
                .path("projection")
                .path("successProbability")
                .asDouble());
    // Versions stored before projection inputs were kept have no written explanation.
    Document page = page(path);
    assertThat(page.text()).contains("has no written explanation");
  }

  @Test
  void anotherUsersPlanIsNotFoundInEitherForm() {
    account("someone-else");

    problem(html("someone-else", base + "/report"), 404, "not-found");
    problem(get("someone-else", base + "/report"), 404, "not-found");
  }

  @Test
  void aVersionThatDoesNotExistIsNotFoundAndABadOneIsInvalid() {
    JsonNode missing = problem(html(USER, base + "/report?version=7"), 404, "not-found");
    assertThat(missing.path("detail").asText()).contains("no version 7");

    problem(get(USER, base + "/report?version=abc"), 400, "invalid-request");
  }

  @Test
  void aPlanWithNoVersionYetHasNoReport() {
    PlanRecord fresh = seeds.received(USER, NOW.plusSeconds(60));

    problem(get(USER, "/v1/plans/" + fresh.planId() + "/report"), 404, "not-found");
  }
}
