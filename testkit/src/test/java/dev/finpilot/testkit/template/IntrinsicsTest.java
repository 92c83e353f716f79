package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

  private static final String TEMPLATE =
      """
      Parameters:
        Stage: {Type: String, Default: dev}
        Origins: {Type: CommaDelimitedList, Default: "a,b"}
        Required: {Type: String}
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
        IsDev: !Not [!Condition IsProd]
        Both: !And [!Condition IsDev, !Equals [x, x]]
        Either: !Or [!Condition IsProd, !Equals [x, y]]
      Mappings:
        Sizes:
          dev: {Memory: 512, Zones: [a, b]}
      Resources:
        Queue: {Type: AWS::SQS::Queue}
        Role: {Type: AWS::IAM::Role}
      """;

  private final SamTemplate template = SamTemplate.parse(TEMPLATE, "test.yaml");
  private final ResourceRegistry registry = new ResourceRegistry();
  private final Intrinsics intrinsics = intrinsics(Map.of());

  IntrinsicsTest() {
    registry.register(
        "Queue",
        new PhysicalResource(
            SamTemplate.QUEUE,
            "http://q/123/s-Queue",
            Map.of("Arn", "arn:aws:sqs:us-east-1:123:s-Queue", "QueueName", "s-Queue")));
  }

  private Intrinsics intrinsics(Map<String, String> parameters) {
    return new Intrinsics(
        template, new StackContext("s", "us-east-1", "123", parameters), registry);
  }

  private Object eval(String yaml) {
    return intrinsics.resolve(CfnYaml.parse("v: " + yaml).get("v"), "v");
  }

  @Test
  void refsResolveToParametersPseudoParametersAndResources() {
    assertThat(eval("!Ref Stage")).isEqualTo("dev");
    assertThat(intrinsics(Map.of("Stage", "prod")).text(Map.of("Ref", "Stage"), "v"))
        .isEqualTo("prod");
    assertThat(eval("!Ref Origins")).isEqualTo(List.of("a", "b"));
    assertThat(eval("!Ref Queue")).isEqualTo("http://q/123/s-Queue");
    assertThat(eval("!Ref AWS::StackName")).isEqualTo("s");
    assertThat(eval("!Ref AWS::Region")).isEqualTo("us-east-1");
    assertThat(eval("!Ref AWS::AccountId")).isEqualTo("123");
    assertThat(eval("!Ref AWS::Partition")).isEqualTo("aws");
    assertThat(eval("!Ref AWS::URLSuffix")).isEqualTo("amazonaws.com");
    assertThat(eval("!Ref AWS::StackId"))
        .isEqualTo("arn:aws:cloudformation:us-east-1:123:stack/s/local");
    assertThat(eval("!Ref AWS::NotificationARNs")).isEqualTo(List.of());
  }

  @Test
  void getAttReadsAttributesInBothForms() {
    assertThat(eval("!GetAtt Queue.Arn")).isEqualTo("arn:aws:sqs:us-east-1:123:s-Queue");
    assertThat(eval("{'Fn::GetAtt': [Queue, QueueName]}")).isEqualTo("s-Queue");
    assertThat(eval("{'Fn::GetAtt': Queue.QueueName}")).isEqualTo("s-Queue");
  }

  @Test
  void subReplacesRefsAttributesOwnVariablesAndKeepsEscapes() {
    assertThat(eval("!Sub '${AWS::StackName}-${Stage}-${Queue.QueueName}-${!Literal}'"))
        .isEqualTo("s-dev-s-Queue-${Literal}");
    assertThat(eval("!Sub ['${A}/${Queue}', {A: !Ref Stage}]"))
        .isEqualTo("dev/http://q/123/s-Queue");
  }

  @Test
  void listFunctionsJoinSelectSplitAndFindInMap() {
    assertThat(eval("!Join ['-', [a, !Ref Stage, !Select [1, !Ref Origins]]]"))
        .isEqualTo("a-dev-b");
    assertThat(eval("!Split [',', 'x,y,,z']")).isEqualTo(List.of("x", "y", "", "z"));
    assertThat(eval("!FindInMap [Sizes, !Ref Stage, Memory]")).isEqualTo("512");
    assertThat(eval("!FindInMap [Sizes, dev, Zones]")).isEqualTo(List.of("a", "b"));
    assertThat(eval("!Base64 hi")).isEqualTo("aGk=");
    assertThat(eval("!GetAZs ''")).isEqualTo(List.of("us-east-1a", "us-east-1b"));
  }

  @Test
  void conditionsAndIfChooseAndNoValueRemovesEntries() {
    assertThat(intrinsics.condition("IsProd")).isFalse();
    assertThat(intrinsics.condition("IsDev")).isTrue();
    assertThat(intrinsics.condition("Both")).isTrue();
    assertThat(intrinsics.condition("Either")).isFalse();
    assertThat(eval("!If [IsDev, on, off]")).isEqualTo("on");
    assertThat(eval("{A: !If [IsProd, x, !Ref AWS::NoValue], B: b, C: [!Ref AWS::NoValue, c]}"))
        .isEqualTo(Map.of("B", "b", "C", List.of("c")));
    assertThat(eval("!Ref AWS::NoValue")).isNull();
    assertThat(eval("!Equals [a, a]")).isEqualTo("true");
  }

  @Test
  void errorsNameTheProblem() {
    assertThatThrownBy(() -> eval("!Ref Nope"))
        .hasMessageContaining("'Nope' is neither a parameter nor a resource");
    assertThatThrownBy(() -> eval("!Ref Role"))
        .hasMessageContaining("'Role' is a AWS::IAM::Role, which the testkit does not create");
    assertThatThrownBy(() -> eval("!Ref Required"))
        .hasMessageContaining("Parameter 'Required' has no Default");
    assertThatThrownBy(() -> eval("!GetAtt Queue.Nope"))
        .hasMessageContaining("has no attribute 'Nope'");
    assertThatThrownBy(() -> eval("!ImportValue shared"))
        .hasMessageContaining("cannot evaluate Fn::ImportValue");
    assertThatThrownBy(() -> eval("!Select [5, [a]]"))
        .hasMessageContaining("index 5 outside a list of 1");
    assertThatThrownBy(() -> eval("!FindInMap [Sizes, dev, Nope]"))
        .hasMessageContaining("Mappings.Sizes.dev.Nope does not exist");
    assertThatThrownBy(() -> intrinsics.condition("Unknown"))
        .hasMessageContaining("Unknown condition 'Unknown'");
    assertThatThrownBy(() -> eval("!Ref AWS::Bogus"))
        .hasMessageContaining("unknown pseudo parameter AWS::Bogus");
    assertThatThrownBy(() -> intrinsics(Map.of("Stahe", "x")))
        .hasMessageContaining("Parameter override 'Stahe' is not declared");
  }
}
