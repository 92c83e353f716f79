package dev.finpilot.testkit.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamGlobalsTest {

  @Test
  void globalsMergeLikeTheSamTransform() {
    Object merged =
        SamGlobals.merge(
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
