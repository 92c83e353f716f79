package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Least privilege: policies name single resources of this stack, never {@code *}; each function is
 * granted exactly what its code uses ({@link LeastPrivilege}) and may send only to the queues its
 * role in the hub-and-spoke flow needs.
 */
class FunctionPoliciesTest {

  private static final Set<String> TABLE_WRITE =
      Set.of("DynamoDBCrudPolicy", "DynamoDBWritePolicy");

  private final SamTemplate template = Project.template();

  @Test
  void theExpectedAccessCoversExactlyTheTemplatesFunctions() {
    assertThat(LeastPrivilege.BY_FUNCTION.keySet())
        .containsExactlyInAnyOrderElementsOf(template.logicalIds(SamTemplate.FUNCTION));
  }

  @Test
  void everyFunctionIsGrantedExactlyWhatItsCodeUses() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      Map<String, Set<String>> granted = new TreeMap<>();
      PolicyGrants.of(template, function)
          .forEach(
              (resource, grants) -> {
                assertThat(grants).as("%s on %s", function, resource).doesNotHaveDuplicates();
                granted.put(resource, new TreeSet<>(grants));
              });
      assertThat(granted).as(function).isEqualTo(LeastPrivilege.of(function).grants());
    }
  }

  @Test
  void onlyTheApiTouchesTheIdempotencyTable() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      boolean isApi = function.equals("ApiFunction");
      assertThat(PolicyGrants.of(template, function).containsKey("IdempotencyTable"))
          .as("%s is granted access to the idempotency table", function)
          .isEqualTo(isApi);
      assertThat(References.of(template.environment(function)).contains("IdempotencyTable"))
          .as("%s is told the idempotency table's name", function)
          .isEqualTo(isApi);
    }
  }

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
  void theApiAndTheMonitorSendOnlyToTheWorkflow() {
    assertThat(sendTargets("ApiFunction")).containsExactly("WorkflowQueue");
    assertThat(sendTargets("MonitorFunction")).containsExactly("WorkflowQueue");
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
  void theFunctionsThatReadMarketDataWriteItsCacheAndReadTheProviderKeys() {
    for (String function : template.logicalIds(SamTemplate.FUNCTION)) {
      boolean readsMarketData = template.environment(function).containsKey("MARKET_DATA_SOURCES");
      boolean writesCache =
          templatesOn(function, "MarketDataTable").stream().anyMatch(TABLE_WRITE::contains);
      assertThat(writesCache).as(function).isEqualTo(readsMarketData);
      assertThat(templatesOn(function, "MarketDataApiKeySecret"))
          .as(function)
          .isEqualTo(
              readsMarketData ? List.of("AWSSecretsManagerGetSecretValuePolicy") : List.of());
    }
    assertThat(template.environment("RetrievalFunction").containsKey("MARKET_DATA_SOURCES"))
        .isTrue();
    assertThat(template.environment("ApiFunction").containsKey("MARKET_DATA_SOURCES")).isTrue();
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
  void theAuthorizerOnlyReadsItemsOfTheUsersTableAndTouchesNoQueue() {
    assertThat(policies("AuthorizerFunction"))
        .hasSize(2)
        .contains(
            Map.of(
                "AWSSecretsManagerGetSecretValuePolicy",
                Map.of("SecretArn", Map.of("Ref", "JwtSigningKeySecret"))));
    assertThat(PolicyGrants.of(template, "AuthorizerFunction"))
        .containsOnlyKeys("JwtSigningKeySecret", "UsersTable")
        .containsEntry("UsersTable", List.of("dynamodb:GetItem"));
  }

  private List<Object> policies(String function) {
    return PolicyGrants.policies(template, function);
  }

  /** Queues the function may send to (SQSSendMessagePolicy on {@code !GetAtt Queue.QueueName}). */
  private Set<String> sendTargets(String function) {
    Set<String> queues = new TreeSet<>();
    PolicyGrants.of(template, function)
        .forEach(
            (resource, grants) -> {
              if (grants.contains(LeastPrivilege.SEND)) {
                queues.add(resource);
              }
            });
    return queues;
  }

  /** Names of the policy templates the function holds on one resource (IAM actions left out). */
  private List<String> templatesOn(String function, String resource) {
    return PolicyGrants.of(template, function).getOrDefault(resource, List.of()).stream()
        .filter(grant -> !grant.contains(":"))
        .toList();
  }
}
