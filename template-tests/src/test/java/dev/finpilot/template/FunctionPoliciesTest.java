package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege: policies name single resources of this stack, never {@code *}; each function may
 * send only to the queues its role in the hub-and-spoke flow needs.
 */
class FunctionPoliciesTest {

  private static final String SEND = "SQSSendMessagePolicy";
  private static final Set<String> TABLE_WRITE =
      Set.of("DynamoDBCrudPolicy", "DynamoDBWritePolicy");

  private final SamTemplate template = Project.template();

  @Test
  void policiesAreTemplatesOrStatementsScopedToDeclaredResources() {
    Set<String> known = template.referenceableIds();
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      for (Object policy : policies(function)) {
        assertThat(policy)
            .as("%s: managed policies by name are too broad; use a policy template", function)
            .isInstanceOf(Map.class);
        Map<String, Object> entry = Nodes.map(policy);
        if (entry.containsKey("Statement")) {
          for (Object statement : Nodes.list(entry.get("Statement"))) {
            assertThat(Nodes.listOrSingle(Nodes.map(statement).get("Resource")))
                .as("%s statement %s", function, statement)
                .doesNotContain("*");
          }
        } else {
          Map<String, Object> parameters = Nodes.map(entry.values().iterator().next());
          assertThat(parameters).as("%s %s", function, entry).isNotEmpty();
          for (Object value : parameters.values()) {
            assertThat(value).as("%s %s", function, entry).isNotEqualTo("*");
            assertThat(References.target(value))
                .as("%s %s must reference a resource of this stack", function, entry)
                .hasValueSatisfying(id -> assertThat(known).contains(id));
          }
        }
      }
    }
  }

  @Test
  void theApiSendsOnlyToTheWorkflow() {
    assertThat(sendTargets("ApiFunction")).containsExactly("WorkflowQueue");
  }

  @Test
  void theWorkflowSendsToEveryAgentItselfAndItsOwnDeadLetterQueue() {
    Set<String> expected = new TreeSet<>(Contract.AGENT_QUEUES);
    expected.add("WorkflowDeadLetterQueue");
    // A message the workflow gives up on is reported to its own queue as AgentFailed.
    expected.add("WorkflowQueue");

    assertThat(sendTargets("WorkflowFunction")).isEqualTo(expected);
  }

  @Test
  void agentsReplyToTheWorkflowAndMayParkPoisonInTheirOwnDeadLetterQueue() {
    for (Contract.Function f : Contract.queueConsumers()) {
      if (f.logicalId().equals("WorkflowFunction")) {
        continue;
      }
      assertThat(sendTargets(f.logicalId()))
          .as(f.logicalId())
          .isEqualTo(new TreeSet<>(Set.of("WorkflowQueue", f.deadLetterQueue().orElseThrow())));
    }
  }

  @Test
  void onlyTheExecutionAgentWritesTheLedger() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      boolean writesLedger =
          templatesOn(function, "LedgerTable").stream().anyMatch(TABLE_WRITE::contains);
      assertThat(writesLedger).as(function).isEqualTo(function.equals("ExecutionFunction"));
    }
  }

  @Test
  void onlyTheRetrievalAgentWritesTheMarketDataCacheAndTheApiOnlyReadsIt() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      boolean writesCache =
          templatesOn(function, "MarketDataTable").stream().anyMatch(TABLE_WRITE::contains);
      assertThat(writesCache).as(function).isEqualTo(function.equals("RetrievalFunction"));
    }
    assertThat(templatesOn("ApiFunction", "MarketDataTable")).containsExactly("DynamoDBReadPolicy");
  }

  @Test
  void onlyTheRetrievalAgentReadsTheMarketDataApiKey() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      assertThat(templatesOn(function, "MarketDataApiKeySecret").isEmpty())
          .as(function)
          .isEqualTo(!function.equals("RetrievalFunction"));
    }
  }

  @Test
  void onlyTheApiAndTheTokenCheckersReadTheTokenSigningKey() {
    Set<String> readers = Set.of("ApiFunction", "AuthorizerFunction", "RealtimeFunction");
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      assertThat(templatesOn(function, "JwtSigningKeySecret"))
          .as(function)
          .isEqualTo(
              readers.contains(function)
                  ? List.of("AWSSecretsManagerGetSecretValuePolicy")
                  : List.of());
    }
  }

  @Test
  void theAuthorizerTouchesNoTableAndNoQueue() {
    assertThat(policies("AuthorizerFunction"))
        .containsExactly(
            Map.of(
                "AWSSecretsManagerGetSecretValuePolicy",
                Map.of("SecretArn", Map.of("Ref", "JwtSigningKeySecret"))));
  }

  private List<Object> policies(String function) {
    return Nodes.list(template.properties(function).getOrDefault("Policies", List.of()));
  }

  /** Queues the function may send to (SQSSendMessagePolicy on {@code !GetAtt Queue.QueueName}). */
  private Set<String> sendTargets(String function) {
    Set<String> queues = new TreeSet<>();
    for (Object policy : policies(function)) {
      Nodes.at(policy, SEND, "QueueName").flatMap(References::target).ifPresent(queues::add);
    }
    return queues;
  }

  /** Names of the policy templates the function holds on one resource. */
  private List<String> templatesOn(String function, String resource) {
    List<String> names = new ArrayList<>();
    for (Object policy : policies(function)) {
      Nodes.map(policy)
          .forEach(
              (name, parameters) -> {
                if (parameters instanceof Map<?, ?> p
                    && p.values().stream()
                        .anyMatch(v -> References.target(v).filter(resource::equals).isPresent())) {
                  names.add(name);
                }
              });
    }
    return names;
  }
}
