package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CfnYamlTest {

  @Test
  void everyShortTagBecomesItsLongForm() {
    StringBuilder yaml = new StringBuilder();
    CfnYaml.shortTags()
        .keySet()
        .forEach(tag -> yaml.append(tag).append(": !").append(tag).append(" x.y\n"));
    Map<String, Object> parsed = CfnYaml.parse(yaml.toString());
    CfnYaml.shortTags()
        .forEach(
            (tag, key) -> {
              Object argument = tag.equals("GetAtt") ? List.of("x", "y") : "x.y";
              assertThat(parsed.get(tag)).as(tag).isEqualTo(Map.of(key, argument));
            });
    assertThat(parsed).hasSize(CfnYaml.shortTags().size());
  }

  @Test
  void shortFormIntrinsicsBecomeTheirLongForm() {
    Map<String, Object> doc =
        CfnYaml.parse(
            """
            a: !Ref PlansTable
            b: !GetAtt WorkflowQueue.QueueName
            c: !Sub arn:${AWS::Partition}:logs:${AWS::Region}
            d: !If [IsProd, true, false]
            e: !FindInMap [StageConfig, !Ref Stage, ApiRateLimit]
            f: !GetAtt [WorkflowQueue, Arn]
            g: !Not [!Equals [!Ref AlarmEmail, ""]]
            h: !Condition IsProd
            """);

    assertThat(doc)
        .containsEntry("a", Map.of("Ref", "PlansTable"))
        .containsEntry("b", Map.of("Fn::GetAtt", List.of("WorkflowQueue", "QueueName")))
        .containsEntry("c", Map.of("Fn::Sub", "arn:${AWS::Partition}:logs:${AWS::Region}"))
        .containsEntry("d", Map.of("Fn::If", List.of("IsProd", "true", "false")))
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
  void getAttSplitsOnTheFirstDotOnly() {
    Map<String, Object> parsed =
        CfnYaml.parse("a: !GetAtt Db.Endpoint.Address\nb: !GetAtt Q.Arn\n");
    assertThat(parsed.get("a")).isEqualTo(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")));
    assertThat(parsed.get("b")).isEqualTo(Map.of("Fn::GetAtt", List.of("Q", "Arn")));
  }

  @Test
  void getAttWithoutAttributeIsRejected() {
    assertThatThrownBy(() -> CfnYaml.parse("a: !GetAtt Queue\n"))
        .hasMessageContaining("!GetAtt 'Queue'");
  }

  @Test
  void nestedTagsInSequencesAndMappingsAreConverted() {
    Map<String, Object> parsed =
        CfnYaml.parse(
            """
            v: !Join ['', [!Ref A, !Sub '${B}-x']]
            c: !And [!Equals [!Ref S, prod], !Condition C]
            s: !Sub
              - '${X}'
              - X: !Ref Y
            """);
    assertThat(parsed.get("v"))
        .isEqualTo(
            Map.of(
                "Fn::Join", List.of("", List.of(Map.of("Ref", "A"), Map.of("Fn::Sub", "${B}-x")))));
    assertThat(parsed.get("c"))
        .isEqualTo(
            Map.of(
                "Fn::And",
                List.of(
                    Map.of("Fn::Equals", List.of(Map.of("Ref", "S"), "prod")),
                    Map.of("Condition", "C"))));
    assertThat(parsed.get("s"))
        .isEqualTo(Map.of("Fn::Sub", List.of("${X}", Map.of("X", Map.of("Ref", "Y")))));
  }

  @Test
  void scalarsKeepTheTextTheAuthorWrote() {
    Map<String, Object> parsed =
        CfnYaml.parse("n: 5\nf: 0.10\nb: true\nd: 2010-09-09\nq: '007'\nnothing:\n");
    assertThat(parsed)
        .containsEntry("n", "5")
        .containsEntry("f", "0.10")
        .containsEntry("b", "true")
        .containsEntry("d", "2010-09-09")
        .containsEntry("q", "007");
    assertThat(parsed.get("nothing")).isNull();
  }

  @Test
  void duplicateKeysAndNonMappingDocumentsAreRejected() {
    assertThatThrownBy(() -> CfnYaml.parse("a: 1\na: 2\n")).hasMessageContaining("duplicate key");
    assertThatThrownBy(() -> CfnYaml.parse("- a\n")).hasMessageContaining("expected a mapping");
  }
}
