package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencesTest {

  @Test
  void referencedNamesFindRefsGetAttsAndSubVariables() {
    Object value =
        CfnYaml.parse(
                "v: {a: !Ref A, b: !GetAtt B.Arn, c: !Sub '${C}-${D.Arn}', d: [!Sub ['${x}', {x: !Ref E}]]}")
            .get("v");
    assertThat(References.of(value)).containsExactlyInAnyOrder("A", "B", "C", "D", "E");
  }

  @Test
  void referencedIdsFollowRefGetAttAndSubButNotSubLocalsOrEscapes() {
    Object node =
        Map.of(
            "x", Map.of("Ref", "PlansTable"),
            "y", List.of(Map.of("Fn::GetAtt", List.of("WorkflowQueue", "Arn"))),
            "z",
                Map.of(
                    "Fn::Sub",
                    List.of(
                        "${HttpApi}.${AWS::Region}/${local}/${!Literal}/${LedgerTable.Arn}",
                        Map.of("local", Map.of("Ref", "IdempotencyTable")))));

    assertThat(References.of(node))
        .containsExactlyInAnyOrder(
            "PlansTable",
            "WorkflowQueue",
            "HttpApi",
            "AWS::Region",
            "LedgerTable",
            "IdempotencyTable");
  }

  @Test
  void aTargetIsWhatARefOrAGetAttNamesAndNothingElseHasOne() {
    assertThat(References.target(Map.of("Ref", "PlansTable"))).contains("PlansTable");
    assertThat(References.target(Map.of("Fn::GetAtt", List.of("Queue", "Arn")))).contains("Queue");
    assertThat(References.target(Map.of("Fn::Sub", "${Queue}"))).isEmpty();
    assertThat(References.target("PlansTable")).isEmpty();

    assertThat(References.isRef(Map.of("Ref", "PlansTable"), "PlansTable")).isTrue();
    assertThat(References.isRef(Map.of("Fn::GetAtt", List.of("PlansTable", "Arn")), "PlansTable"))
        .isFalse();
    assertThat(References.isGetAtt(Map.of("Fn::GetAtt", List.of("Queue", "Arn")), "Queue", "Arn"))
        .isTrue();
    assertThat(
            References.isGetAtt(
                Map.of("Fn::GetAtt", List.of("Queue", "QueueName")), "Queue", "Arn"))
        .isFalse();
  }
}
