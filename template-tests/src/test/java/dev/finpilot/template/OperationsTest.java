package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an operator is given: one dashboard over the whole stack, alarms for the failures that
 * matter (and as the deployments' rollback triggers), and the saved Logs Insights queries.
 */
class OperationsTest {

  private static final String DASHBOARD = "OperationsDashboard";

  private final SamTemplate template = Project.template();

  @Test
  void theDashboardShowsEveryFunctionQueueDeadLetterQueueTableAndTheApi() {
    Set<String> shown = References.of(template.properties(DASHBOARD).get("DashboardBody"));

    List<String> expected = new ArrayList<>(List.of("HttpApi"));
    for (Contract.Function f : Contract.FUNCTIONS) {
      expected.add(f.logicalId());
      f.queue().ifPresent(expected::add);
      f.deadLetterQueue().ifPresent(expected::add);
    }
    expected.addAll(Contract.TABLES);
    assertThat(shown).containsAll(expected);
  }

  @Test
  void theDashboardIsValidJsonWithAWidgetPerBusinessMetric() throws IOException {
    String body =
        (String) Nodes.map(template.properties(DASHBOARD).get("DashboardBody")).get("Fn::Sub");
    // What CloudFormation substitutes is a name or an id: any word keeps the JSON's shape.
    JsonNode dashboard = new ObjectMapper().readTree(body.replaceAll("\\$\\{[^}]+}", "x"));

    String expressions = dashboard.findValues("expression").toString();
    for (String metric :
        List.of(
            "PlansSettled",
            "StepDuration",
            "Replans",
            "VerificationFindings",
            "DeadLettered",
            "ColdStart")) {
      assertThat(expressions).as(metric).contains("MetricName=\\\"" + metric + "\\\"");
    }
    assertThat(expressions).contains("'p50'").contains("'p95'");
    List<String> awsMetrics = new ArrayList<>();
    dashboard.findValues("metrics").forEach(m -> m.forEach(row -> awsMetrics.add(row.toString())));
    assertThat(String.join("\n", awsMetrics))
        .contains("ApproximateNumberOfMessagesVisible")
        .contains("ApproximateAgeOfOldestMessage")
        .contains("\"Errors\"")
        .contains("\"Throttles\"")
        .contains("\"Duration\"")
        .contains("\"4xx\"")
        .contains("\"5xx\"")
        .contains("\"Latency\"")
        .contains("WriteThrottleEvents")
        .contains("ReadThrottleEvents");
  }

  @Test
  void everyAlarmNotifiesTheTopicWhenItFiresAndWhenItRecovers() {
    for (String alarm : template.logicalIds(SamTemplate.ALARM)) {
      Map<String, Object> p = template.properties(alarm);
      Alarms.assertNotifiesTopic(p);
      assertThat(Nodes.list(p.get("OKActions")))
          .as(alarm)
          .anySatisfy(a -> assertThat(References.isRef(a, Alarms.TOPIC)).isTrue());
    }
    assertThat(template.condition("AlarmEmailSubscription")).contains("HasAlarmEmail");
  }

  @Test
  void theApiIsWatchedForAShareOf5xxAndForItsP95Latency() {
    Map<String, Object> errors = template.properties("HttpApi5xxAlarm");
    String expression =
        Nodes.list(errors.get("Metrics")).stream()
            .map(Nodes::map)
            .filter(m -> m.containsKey("Expression"))
            .map(m -> (String) m.get("Expression"))
            .findFirst()
            .orElseThrow();
    assertThat(expression).contains("errors / requests");
    assertThat(References.of(errors)).contains("HttpApi");

    Map<String, Object> latency = template.properties("HttpApiLatencyAlarm");
    assertThat(latency.get("ExtendedStatistic")).isEqualTo("p95");
    assertThat(References.of(latency)).contains("HttpApi");
  }

  @Test
  void throttlingIsWatchedOnEveryFunctionAndOnTheTablesOfUserData() {
    assertThat(References.of(template.properties("FunctionThrottlesAlarm")))
        .containsAll(Contract.FUNCTIONS.stream().map(Contract.Function::logicalId).toList());
    assertThat(References.of(template.properties("DynamoDbThrottlesAlarm")))
        .containsAll(Contract.PROTECTED_TABLES);
  }

  @Test
  void theCommonQuestionsAreSavedQueriesOverLogGroupsOfTheStack() {
    List<String> queries = template.logicalIds("AWS::Logs::QueryDefinition");

    assertThat(queries)
        .containsExactlyInAnyOrder(
            "PlanByCorrelationIdQuery",
            "WhyPlanFailedQuery",
            "SlowestStepsQuery",
            "RefusedTokensQuery",
            "DeadLetterArrivalsQuery");
    for (String query : queries) {
      Map<String, Object> p = template.properties(query);
      List<Object> groups = Nodes.list(p.get("LogGroupNames"));
      assertThat(groups).as(query).isNotEmpty();
      for (Object group : groups) {
        String id = References.target(group).orElseThrow();
        assertThat(template.type(id)).as(query).isEqualTo("AWS::Logs::LogGroup");
      }
      assertThat((String) p.get("QueryString")).as(query).isNotBlank();
    }
    assertThat(Stream.of("correlation_id", "StepDuration", "TOKEN_REFUSED", "DeadLettered"))
        .allSatisfy(
            field ->
                assertThat(
                        queries.stream()
                            .map(q -> (String) template.properties(q).get("QueryString")))
                    .anySatisfy(text -> assertThat(text).contains(field)));
  }
}
