package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

  private static Map<String, Object> resources;

  @BeforeAll
  static void transform(@TempDir Path work) throws IOException {
    Path script = work.resolve("sam_transform.py");
    try (InputStream in =
        Objects.requireNonNull(SamTransformTest.class.getResourceAsStream("/sam_transform.py"))) {
      Files.copy(in, script);
    }
    Path output = work.resolve("transformed.json");
    ExternalTool.Result result =
        ExternalTool.run(
            List.of("python3", script.toString(), "template.yaml", output.toString()),
            Map.of("AWS_DEFAULT_REGION", "us-east-1"));
    if (result.exitCode() == 3) {
      ExternalTool.missing(result.output().strip());
    }
    assertThat(result.exitCode()).as("SAM transform output:%n%s", result.output()).isZero();
    Map<String, Object> transformed =
        Nodes.map(new ObjectMapper().readValue(output.toFile(), Map.class));
    resources = Nodes.mapAt(transformed, "Resources");
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
    List<String> roles = idsOfType("AWS::IAM::Role");

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
