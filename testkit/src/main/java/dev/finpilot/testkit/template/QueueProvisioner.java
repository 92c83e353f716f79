package dev.finpilot.testkit.template;

import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates an {@code AWS::SQS::Queue} with the attributes that change behaviour on an emulator:
 * visibility, retention, delay, size, long-poll wait, FIFO settings and the redrive policy.
 */
final class QueueProvisioner {

  private static final Map<String, QueueAttributeName> PLAIN_ATTRIBUTES =
      Map.of(
          "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
          "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
          "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
          "MaximumMessageSize", QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
          "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
          "FifoQueue", QueueAttributeName.FIFO_QUEUE,
          "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);

  private final SqsClient sqs;

  QueueProvisioner(SqsClient sqs) {
    this.sqs = sqs;
  }

  PhysicalResource create(String logicalId, Map<String, Object> props, StackContext stack) {
    String where = "Resources." + logicalId + ".Properties";
    boolean fifo =
        props.containsKey("FifoQueue") && Nodes.bool(props.get("FifoQueue"), where + ".FifoQueue");
    String name =
        props.containsKey("QueueName")
            ? Nodes.text(props.get("QueueName"), where + ".QueueName")
            : stack.physicalName(logicalId) + (fifo ? ".fifo" : "");
    Map<QueueAttributeName, String> attributes = new EnumMap<>(QueueAttributeName.class);
    PLAIN_ATTRIBUTES.forEach(
        (property, attribute) -> {
          if (props.containsKey(property)) {
            attributes.put(attribute, Nodes.text(props.get(property), where + "." + property));
          }
        });
    if (props.containsKey("RedrivePolicy")) {
      attributes.put(
          QueueAttributeName.REDRIVE_POLICY,
          redrivePolicy(props.get("RedrivePolicy"), where + ".RedrivePolicy"));
    }
    String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    String arn =
        sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    return new PhysicalResource(
        SamTemplate.QUEUE, url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
  }

  /** CloudFormation takes the policy as an object; SQS wants it as a JSON string. */
  private static String redrivePolicy(Object value, String where) {
    if (value instanceof String json) {
      return json;
    }
    Map<String, Object> policy = Nodes.map(value, where);
    String target = Nodes.text(policy.get("deadLetterTargetArn"), where + ".deadLetterTargetArn");
    int maxReceiveCount = Nodes.integer(policy.get("maxReceiveCount"), where + ".maxReceiveCount");
    return "{\"deadLetterTargetArn\":\""
        + target
        + "\",\"maxReceiveCount\":"
        + maxReceiveCount
        + "}";
  }
}
