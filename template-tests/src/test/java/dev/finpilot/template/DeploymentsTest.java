package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.References;
import dev.finpilot.testkit.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function is deployed behind its alias by CodeDeploy, all at once in dev and gradually with
 * rollback alarms elsewhere, and each stage is sized as docs/operations.md ("Capacity") says.
 */
class DeploymentsTest {

  private static final List<String> STAGES = List.of("dev", "staging", "prod");

  private final SamTemplate template = Project.template();

  @Test
  void everyFunctionHasADeploymentPreferenceWithItsOwnErrorAlarm() {
    for (Contract.Function f : Contract.FUNCTIONS) {
      Map<String, Object> preference =
          Nodes.map(template.functionProperties(f.logicalId()).get("DeploymentPreference"));
      List<Object> alarms = Nodes.list(preference.get("Alarms"));
      List<String> alarmIds = alarms.stream().map(a -> References.target(a).orElseThrow()).toList();
      assertThat(alarmIds).as(f.logicalId()).contains(f.logicalId() + "ErrorAlarm");
      alarmIds.forEach(id -> assertThat(template.type(id)).isEqualTo(SamTemplate.ALARM));
      f.deadLetterQueue()
          .ifPresent(dlq -> assertThat(alarmIds).as(f.logicalId()).contains(dlq + "Alarm"));
      assertThat(
              template
                  .functionProperties(f.logicalId())
                  .getOrDefault(
                      "AutoPublishAlias", template.functionGlobals().get("AutoPublishAlias")))
          .isEqualTo("live");
    }
  }

  @Test
  void devDeploysAllAtOnceTheApiByCanaryAndTheAgentsLinearly() {
    for (Contract.Function f : Contract.FUNCTIONS) {
      Object type =
          Nodes.map(template.functionProperties(f.logicalId()).get("DeploymentPreference"))
              .get("Type");
      List<Object> perStage = template.findInMapValues(type);
      assertThat(perStage.get(0)).as(f.logicalId()).isEqualTo("AllAtOnce");
      boolean api = f.queue().isEmpty() && !f.logicalId().equals("MonitorFunction");
      for (Object later : perStage.subList(1, perStage.size())) {
        assertThat((String) later).as(f.logicalId()).startsWith(api ? "Canary" : "Linear");
      }
    }
  }

  @Test
  void theTransformGivesEachStageItsDeploymentConfigurationAndRollbackAlarms(@TempDir Path work)
      throws IOException {
    Map<String, Object> dev = SamTransform.resources(work, "Stage=dev");
    Map<String, Object> prod = SamTransform.resources(work, "Stage=prod");

    for (Contract.Function f : Contract.FUNCTIONS) {
      String group = f.logicalId() + "DeploymentGroup";
      assertThat(configName(dev, group)).as(group).isEqualTo("AllAtOnce");
      assertThat(configName(prod, group)).as(group).isNotEqualTo("AllAtOnce");
      Map<String, Object> p = Nodes.mapAt(Nodes.mapAt(prod, group), "Properties");
      assertThat(Nodes.at(p, "AutoRollbackConfiguration", "Events").map(Nodes::list).orElseThrow())
          .contains("DEPLOYMENT_STOP_ON_ALARM");
      assertThat(Nodes.list(Nodes.at(p, "AlarmConfiguration", "Alarms").orElseThrow()))
          .isNotEmpty();
    }
    assertThat(configName(prod, "ApiFunctionDeploymentGroup")).startsWith("Canary");
    assertThat(configName(prod, "PlanningFunctionDeploymentGroup")).startsWith("Linear");
  }

  @Test
  void devReservesNoConcurrencyAndEachAgentReservesWhatItsQueueMayUse() {
    assertThat(template.section("Conditions").get("ReservesConcurrency").toString())
        .contains("dev");
    int prodTotal = 0;
    for (Contract.Function f : Contract.FUNCTIONS) {
      Object reserved =
          template.functionProperties(f.logicalId()).get("ReservedConcurrentExecutions");
      if (f.logicalId().equals("MonitorFunction")) {
        assertThat(Nodes.integer(reserved)).isEqualTo(1);
        prodTotal += 1;
        continue;
      }
      List<Object> branches = Nodes.list(Nodes.map(reserved).get("Fn::If"));
      assertThat(branches.get(0)).isEqualTo("ReservesConcurrency");
      assertThat(References.isRef(branches.get(2), "AWS::NoValue")).isTrue();
      List<Object> perStage = template.findInMapValues(branches.get(1));
      int staging = Nodes.integer(perStage.get(1));
      int prod = Nodes.integer(perStage.get(2));
      assertThat(staging).as(f.logicalId()).isPositive().isLessThan(prod);
      prodTotal += prod;
      if (f.queue().isPresent()) {
        Object maximum =
            Nodes.at(
                    template.events(f.logicalId(), "SQS").values().iterator().next(),
                    "ScalingConfig",
                    "MaximumConcurrency")
                .orElseThrow();
        List<Object> maxPerStage = template.findInMapValues(maximum);
        assertThat(staging)
            .as(f.logicalId())
            .isGreaterThanOrEqualTo(Nodes.integer(maxPerStage.get(1)));
        assertThat(prod)
            .as(f.logicalId())
            .isGreaterThanOrEqualTo(Nodes.integer(maxPerStage.get(2)));
      }
    }
    // The account's default quota is 1,000, of which 100 must stay unreserved.
    assertThat(prodTotal).isLessThanOrEqualTo(900);
  }

  @Test
  void apiThrottlingGrowsWithTheStageAndIsTighterOnTheExpensiveRoutes() {
    Map<String, Object> api = template.properties("HttpApi");
    List<Object> rate =
        template.findInMapValues(
            Nodes.at(api, "DefaultRouteSettings", "ThrottlingRateLimit").orElseThrow());
    assertThat(rate.stream().map(Nodes::integer).toList()).isSorted().doesNotHaveDuplicates();
    Map<String, Object> routes = Nodes.map(api.get("RouteSettings"));
    assertThat(routes)
        .containsKeys("POST /v1/plans", "POST /v1/auth/login", "POST /v1/auth/register");
    for (Object settings : routes.values()) {
      List<Object> routeRate =
          template.findInMapValues(Nodes.map(settings).get("ThrottlingRateLimit"));
      for (int stage = 0; stage < STAGES.size(); stage++) {
        assertThat(Nodes.integer(routeRate.get(stage)))
            .as(STAGES.get(stage))
            .isLessThan(Nodes.integer(rate.get(stage)));
      }
    }
  }

  private static String configName(Map<String, Object> resources, String group) {
    Object name =
        Nodes.at(Nodes.mapAt(resources, group), "Properties", "DeploymentConfigName").orElseThrow();
    // {"Fn::Sub": ["CodeDeployDefault.Lambda${ConfigName}", {"ConfigName": <type>}]}
    List<Object> sub = Nodes.list(Nodes.map(name).get("Fn::Sub"));
    return (String) Nodes.map(sub.get(1)).get("ConfigName");
  }
}
