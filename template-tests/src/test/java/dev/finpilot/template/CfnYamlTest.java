package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

  @Test
  void shortFormIntrinsicsBecomeTheirLongForm() {
    Map<String, Object> doc =
        CfnYaml.parse(
            new StringReader(
                """
                a: !Ref PlansTable
                b: !GetAtt WorkflowQueue.QueueName
                c: !Sub arn:${AWS::Partition}:logs:${AWS::Region}
                d: !If [IsProd, true, false]
                e: !FindInMap [StageConfig, !Ref Stage, ApiRateLimit]
                f: !GetAtt [WorkflowQueue, Arn]
                g: !Not [!Equals [!Ref AlarmEmail, ""]]
                h: !Condition IsProd
                """));

    assertThat(doc)
        .containsEntry("a", Map.of("Ref", "PlansTable"))
        .containsEntry("b", Map.of("Fn::GetAtt", List.of("WorkflowQueue", "QueueName")))
        .containsEntry("c", Map.of("Fn::Sub", "arn:${AWS::Partition}:logs:${AWS::Region}"))
        .containsEntry("d", Map.of("Fn::If", List.of("IsProd", true, false)))
        .containsEntry(
            "e",
            Map.of("Fn::FindInMap", List.of("StageConfig", Map.of("Ref", "Stage"), "ApiRateLimit")))
        .containsEntry("f", Map.of("Fn::GetAtt", List.of("WorkflowQueue", "Arn")))
        .containsEntry(
            "g",
            Map.of(
                "Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "AlarmEmail"), "")))))
        .containsEntry("h", Map.of("Condition", "IsProd"));
  }

  @Test
  void aDocumentThatIsNotAMappingIsRejected() {
    assertThatThrownBy(() -> CfnYaml.parse(new StringReader("- just\n- a list\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mapping");
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

    assertThat(Nodes.referencedIds(node))
        .containsExactlyInAnyOrder(
            "PlansTable",
            "WorkflowQueue",
            "HttpApi",
            "AWS::Region",
            "LedgerTable",
            "IdempotencyTable");
  }

  @Test
  void globalsMergeLikeTheSamTransform() {
    Object merged =
        SamTemplate.Globals.merge(
            Map.of(
                "Timeout", 30,
                "Environment", Map.of("Variables", Map.of("A", "1", "B", "2")),
                "Layers", List.of("l1"),
                "Role", Map.of("Ref", "GlobalRole")),
            Map.of(
                "Timeout", 10,
                "Environment", Map.of("Variables", Map.of("B", "local", "C", "3")),
                "Layers", List.of("l2"),
                "Role", Map.of("Fn::GetAtt", List.of("LocalRole", "Arn"))));

    assertThat(merged)
        .isEqualTo(
            Map.of(
                "Timeout", 10,
                "Environment", Map.of("Variables", Map.of("A", "1", "B", "local", "C", "3")),
                "Layers", List.of("l1", "l2"),
                "Role", Map.of("Fn::GetAtt", List.of("LocalRole", "Arn"))));
  }
}
