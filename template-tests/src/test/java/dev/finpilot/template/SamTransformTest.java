package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real SAM transform (aws-sam-translator, offline) and checks the CloudFormation it
 * produces: what Lambda, SQS and IAM will actually be given.
 */
class SamTransformTest {

  private static final List<String> ALLOWED_MANAGED_POLICIES =
      List.of(
          "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
          "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
          "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");

  private static final Set<String> TABLE_WRITES =
      Set.of(
          "dynamodb:PutItem",
          "dynamodb:UpdateItem",
          "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem");

  private static final String CODE_DEPLOY_ROLE = "CodeDeployServiceRole";

  private static Map<String, Object> resources;

  @BeforeAll
  static void transform(@TempDir Path work) throws IOException {
    resources = SamTransform.resources(work);
  }

  @Test
  void everyFunctionRunsJava21OnArmWithSnapStartTracingAndJsonLogs() {
    List<String> functions = idsOfType("AWS::Lambda::Function");

    assertThat(functions).hasSameSizeAs(Contract.FUNCTIONS);
    for (String id : functions) {
      Map<String, Object> p = properties(id);
      assertThat(p.get("Runtime")).as(id).isEqualTo("java21");
      assertThat(p.get("Architectures")).as(id).isEqualTo(List.of("arm64"));
      assertThat(Nodes.at(p, "SnapStart", "ApplyOn")).as(id).contains("PublishedVersions");
      assertThat(Nodes.at(p, "TracingConfig", "Mode")).as(id).contains("Active");
      assertThat(Nodes.at(p, "LoggingConfig", "LogFormat")).as(id).contains("JSON");
    }
  }

  @Test
  void everyFunctionIsPublishedBehindTheLiveAlias() {
    for (Contract.Function f : Contract.FUNCTIONS) {
      String alias = f.logicalId() + "Aliaslive";
      assertThat(resources).as(alias).containsKey(alias);
      assertThat(properties(alias).get("Name")).isEqualTo("live");
    }
  }

  @Test
  void queuesInvokeTheAliasAndReportBatchItemFailures() {
    List<String> mappings = idsOfType("AWS::Lambda::EventSourceMapping");

    assertThat(mappings).hasSameSizeAs(Contract.queueConsumers());
    for (String id : mappings) {
      Map<String, Object> p = properties(id);
      String function = References.target(p.get("FunctionName")).orElseThrow();
      assertThat(function).as(id).endsWith("Aliaslive");
      assertThat(Nodes.list(p.get("FunctionResponseTypes")))
          .as(id)
          .containsExactly("ReportBatchItemFailures");
    }
  }

  @Test
  void theHttpApiIntegratesWithTheApiFunctionAlias() {
    String api = String.valueOf(properties("HttpApi").get("Body"));

    assertThat(api).contains("${ApiFunctionAliaslive}").doesNotContain("${ApiFunction.Arn}");
  }

  @Test
  void executionRolesGrantNoWildcardResourcesAndOnlyBaselineManagedPolicies() {
    List<String> roles =
        idsOfType("AWS::IAM::Role").stream().filter(id -> !id.equals(CODE_DEPLOY_ROLE)).toList();

    assertThat(roles).hasSameSizeAs(Contract.FUNCTIONS);
    for (String role : roles) {
      Map<String, Object> p = properties(role);
      assertThat(Nodes.list(p.get("ManagedPolicyArns")))
          .as(role)
          .isSubsetOf(ALLOWED_MANAGED_POLICIES);
      for (Object policy : Nodes.list(p.getOrDefault("Policies", List.of()))) {
        for (Object statement :
            Nodes.list(Nodes.mapAt(policy, "PolicyDocument").get("Statement"))) {
          assertThat(Nodes.listOrSingle(Nodes.map(statement).get("Resource")))
              .as("%s grants %s", role, statement)
              .doesNotContain("*");
        }
      }
    }
  }

  @Test
  void theOnlyOtherRoleIsCodeDeploysWithItsLambdaPolicyAlone() {
    // Made by SAM for the deployment preferences: CodeDeploy shifts the aliases and reads alarms.
    assertThat(Nodes.list(properties(CODE_DEPLOY_ROLE).get("ManagedPolicyArns")))
        .containsExactly("arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda");
    assertThat(String.valueOf(properties(CODE_DEPLOY_ROLE).get("AssumeRolePolicyDocument")))
        .contains("codedeploy.amazonaws.com");
  }

  @Test
  void everyExecutionRoleNamesExactlyTheResourcesItsFunctionUses() {
    SamTemplate template = Project.template();
    for (Contract.Function f : Contract.FUNCTIONS) {
      assertThat(PolicyGrants.ofRole(template, role(f)).keySet())
          .as("resources in the IAM policies of %sRole", f.logicalId())
          .isEqualTo(LeastPrivilege.of(f.logicalId()).grants().keySet());
    }
  }

  @Test
  void anExecutionRoleMayWriteOnlyTheTablesItsFunctionWrites() {
    SamTemplate template = Project.template();
    for (Contract.Function f : Contract.FUNCTIONS) {
      Set<String> writable = new TreeSet<>();
      PolicyGrants.ofRole(template, role(f))
          .forEach(
              (resource, actions) -> {
                if (actions.stream().anyMatch(TABLE_WRITES::contains)) {
                  writable.add(resource);
                }
              });
      Set<String> expected = new TreeSet<>();
      LeastPrivilege.of(f.logicalId())
          .grants()
          .forEach(
              (resource, grants) -> {
                if (grants.contains(LeastPrivilege.CRUD)
                    || grants.stream().anyMatch(TABLE_WRITES::contains)) {
                  expected.add(resource);
                }
              });
      assertThat(writable).as("tables %sRole may write", f.logicalId()).isEqualTo(expected);
    }
  }

  private static Map<String, Object> role(Contract.Function f) {
    return properties(f.logicalId() + "Role");
  }

  private static List<String> idsOfType(String type) {
    return resources.entrySet().stream()
        .filter(e -> type.equals(Nodes.map(e.getValue()).get("Type")))
        .map(Map.Entry::getKey)
        .toList();
  }

  private static Map<String, Object> properties(String id) {
    return Nodes.mapAt(resources, id, "Properties");
  }
}
