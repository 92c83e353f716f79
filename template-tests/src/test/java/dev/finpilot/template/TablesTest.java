package dev.finpilot.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.testkit.template.Nodes;
import dev.finpilot.testkit.template.SamTemplate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB tables: on demand, recoverable, string pk/sk keys, TTL where data expires. */
class TablesTest {

  private final SamTemplate template = Project.template();

  @Test
  void templateDeclaresExactlyTheContractTables() {
    assertThat(template.logicalIds(SamTemplate.TABLE))
        .containsExactlyInAnyOrderElementsOf(Contract.TABLES);
  }

  @Test
  void everyTableIsOnDemandWithPointInTimeRecoveryAndStringPkSkKeys() {
    for (String table : Contract.TABLES) {
      Map<String, Object> p = template.properties(table);
      assertThat(p.get("BillingMode")).as(table).isEqualTo("PAY_PER_REQUEST");
      assertThat(Nodes.at(p, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"))
          .as(table)
          .contains("true");
      assertThat(p.get("KeySchema"))
          .as(table)
          .isEqualTo(
              List.of(
                  Map.of("AttributeName", "pk", "KeyType", "HASH"),
                  Map.of("AttributeName", "sk", "KeyType", "RANGE")));
      assertThat(Nodes.list(p.get("AttributeDefinitions")))
          .as(table)
          .contains(
              Map.of("AttributeName", "pk", "AttributeType", "S"),
              Map.of("AttributeName", "sk", "AttributeType", "S"));
    }
  }

  @Test
  void expiringTablesHaveTtlOnExpiresAtAndTheLedgerHasNone() {
    for (String table : Contract.TABLES_WITH_TTL) {
      Map<String, Object> ttl = Nodes.mapAt(template.properties(table), "TimeToLiveSpecification");
      assertThat(ttl)
          .as(table)
          .containsEntry("AttributeName", Contract.TTL_ATTRIBUTE)
          .containsEntry("Enabled", "true");
    }
    assertThat(template.properties("LedgerTable")).doesNotContainKey("TimeToLiveSpecification");
  }

  @Test
  void plansTableIndexesPlansByUserAndThePlansInForce() {
    Map<String, Object> p = template.properties("PlansTable");

    assertThat(Nodes.list(p.get("GlobalSecondaryIndexes")))
        .containsExactly(
            Map.of(
                "IndexName", "ByUser",
                "KeySchema",
                    List.of(
                        Map.of("AttributeName", "gsi1pk", "KeyType", "HASH"),
                        Map.of("AttributeName", "gsi1sk", "KeyType", "RANGE")),
                "Projection", Map.of("ProjectionType", "ALL")),
            Map.of(
                "IndexName", "ActivePlans",
                "KeySchema",
                    List.of(
                        Map.of("AttributeName", "activePk", "KeyType", "HASH"),
                        Map.of("AttributeName", "activeSk", "KeyType", "RANGE")),
                "Projection",
                    Map.of(
                        "ProjectionType",
                        "INCLUDE",
                        "NonKeyAttributes",
                        List.of("planId", "userId", "activeVersion"))));
    assertThat(Nodes.list(p.get("AttributeDefinitions")))
        .contains(
            Map.of("AttributeName", "gsi1pk", "AttributeType", "S"),
            Map.of("AttributeName", "gsi1sk", "AttributeType", "S"),
            Map.of("AttributeName", "activePk", "AttributeType", "S"),
            Map.of("AttributeName", "activeSk", "AttributeType", "S"));
  }

  @Test
  void userDataTablesAreRetainedAndDeletionProtectedInProd() {
    for (String table : Contract.PROTECTED_TABLES) {
      Map<String, Object> resource = template.resource(table);
      assertThat(resource.get("DeletionPolicy")).as(table).isEqualTo("Retain");
      assertThat(resource.get("UpdateReplacePolicy")).as(table).isEqualTo("Retain");
      assertThat(template.properties(table).get("DeletionProtectionEnabled"))
          .as(table)
          .isEqualTo(Map.of("Fn::If", List.of("IsProd", "true", "false")));
    }
  }
}
