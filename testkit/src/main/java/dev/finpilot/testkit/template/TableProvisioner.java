package dev.finpilot.testkit.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates an {@code AWS::DynamoDB::Table} from its resolved properties: keys, attribute
 * definitions, secondary indexes, streams and TTL. Capacity settings are irrelevant on an emulator,
 * so every table is on-demand.
 */
final class TableProvisioner {

  private final DynamoDbClient dynamoDb;

  TableProvisioner(DynamoDbClient dynamoDb) {
    this.dynamoDb = dynamoDb;
  }

  PhysicalResource create(String logicalId, Map<String, Object> props, StackContext stack) {
    String where = "Resources." + logicalId + ".Properties";
    String name =
        props.containsKey("TableName")
            ? Nodes.text(props.get("TableName"), where + ".TableName")
            : stack.physicalName(logicalId);
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributes(props.get("AttributeDefinitions"), where))
            .keySchema(keys(props.get("KeySchema"), where + ".KeySchema"));
    List<Object> globals =
        Nodes.optionalList(props.get("GlobalSecondaryIndexes"), where + ".GlobalSecondaryIndexes");
    if (!globals.isEmpty()) {
      request.globalSecondaryIndexes(globals.stream().map(g -> globalIndex(g, where)).toList());
    }
    List<Object> locals =
        Nodes.optionalList(props.get("LocalSecondaryIndexes"), where + ".LocalSecondaryIndexes");
    if (!locals.isEmpty()) {
      request.localSecondaryIndexes(locals.stream().map(l -> localIndex(l, where)).toList());
    }
    Map<String, Object> stream =
        Nodes.optionalMap(props.get("StreamSpecification"), where + ".StreamSpecification");
    if (stream.containsKey("StreamViewType")) {
      request.streamSpecification(
          s ->
              s.streamEnabled(true)
                  .streamViewType(Nodes.text(stream.get("StreamViewType"), where)));
    }
    TableDescription table = createOrReuse(request.build());
    enableTimeToLive(name, props, where);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("Arn", table.tableArn());
    if (table.latestStreamArn() != null) {
      attributes.put("StreamArn", table.latestStreamArn());
    }
    return new PhysicalResource(SamTemplate.TABLE, name, attributes);
  }

  private TableDescription createOrReuse(CreateTableRequest request) {
    try {
      dynamoDb.createTable(request);
    } catch (ResourceInUseException alreadyThere) {
      // A named table survives on a shared endpoint that is not reset; the template is the same.
    }
    dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(request.tableName()));
    return dynamoDb.describeTable(b -> b.tableName(request.tableName())).table();
  }

  private void enableTimeToLive(String table, Map<String, Object> props, String where) {
    Map<String, Object> ttl =
        Nodes.optionalMap(props.get("TimeToLiveSpecification"), where + ".TimeToLiveSpecification");
    if (ttl.isEmpty() || !Nodes.bool(ttl.get("Enabled"), where + ".TimeToLiveSpecification")) {
      return;
    }
    String attribute = Nodes.text(ttl.get("AttributeName"), where + ".TimeToLiveSpecification");
    dynamoDb.updateTimeToLive(
        b ->
            b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
  }

  private static List<AttributeDefinition> attributes(Object value, String where) {
    return Nodes.list(value, where + ".AttributeDefinitions").stream()
        .map(a -> Nodes.map(a, where + ".AttributeDefinitions"))
        .map(
            a ->
                AttributeDefinition.builder()
                    .attributeName(Nodes.text(a.get("AttributeName"), where))
                    .attributeType(Nodes.text(a.get("AttributeType"), where))
                    .build())
        .toList();
  }

  private static List<KeySchemaElement> keys(Object value, String where) {
    return Nodes.list(value, where).stream()
        .map(k -> Nodes.map(k, where))
        .map(
            k ->
                KeySchemaElement.builder()
                    .attributeName(Nodes.text(k.get("AttributeName"), where))
                    .keyType(Nodes.text(k.get("KeyType"), where))
                    .build())
        .toList();
  }

  private static GlobalSecondaryIndex globalIndex(Object value, String where) {
    Map<String, Object> index = Nodes.map(value, where + ".GlobalSecondaryIndexes");
    String at = where + ".GlobalSecondaryIndexes." + index.get("IndexName");
    return GlobalSecondaryIndex.builder()
        .indexName(Nodes.text(index.get("IndexName"), at))
        .keySchema(keys(index.get("KeySchema"), at + ".KeySchema"))
        .projection(projection(index.get("Projection"), at + ".Projection"))
        .build();
  }

  private static LocalSecondaryIndex localIndex(Object value, String where) {
    Map<String, Object> index = Nodes.map(value, where + ".LocalSecondaryIndexes");
    String at = where + ".LocalSecondaryIndexes." + index.get("IndexName");
    return LocalSecondaryIndex.builder()
        .indexName(Nodes.text(index.get("IndexName"), at))
        .keySchema(keys(index.get("KeySchema"), at + ".KeySchema"))
        .projection(projection(index.get("Projection"), at + ".Projection"))
        .build();
  }

  private static Projection projection(Object value, String where) {
    Map<String, Object> projection = Nodes.map(value, where);
    Projection.Builder builder =
        Projection.builder().projectionType(Nodes.text(projection.get("ProjectionType"), where));
    List<Object> nonKey = Nodes.optionalList(projection.get("NonKeyAttributes"), where);
    if (!nonKey.isEmpty()) {
      builder.nonKeyAttributes(nonKey.stream().map(a -> Nodes.text(a, where)).toList());
    }
    return builder.build();
  }
}
