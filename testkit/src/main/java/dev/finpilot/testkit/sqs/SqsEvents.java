package dev.finpilot.testkit.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** Turns received SQS messages into the {@link SQSEvent} Lambda's event source mapping delivers. */
public final class SqsEvents {

  private SqsEvents() {}

  public static SQSEvent toEvent(List<Message> messages, String queueArn) {
    String region = regionOf(queueArn);
    List<SQSEvent.SQSMessage> records = new ArrayList<>();
    for (Message message : messages) {
      SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
      record.setMessageId(message.messageId());
      record.setReceiptHandle(message.receiptHandle());
      record.setBody(message.body());
      record.setMd5OfBody(message.md5OfBody());
      record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
      record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
      record.setMessageAttributes(attributes(message.messageAttributes()));
      record.setEventSource("aws:sqs");
      record.setEventSourceArn(queueArn);
      record.setAwsRegion(region);
      records.add(record);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(records);
    return event;
  }

  /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME}. */
  static String regionOf(String queueArn) {
    String[] parts = queueArn.split(":", 6);
    if (parts.length != 6 || !parts[2].equals("sqs")) {
      throw new IllegalArgumentException("Not an SQS queue ARN: '" + queueArn + "'");
    }
    return parts[3];
  }

  private static Map<String, SQSEvent.MessageAttribute> attributes(
      Map<String, MessageAttributeValue> values) {
    Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
          attribute.setDataType(value.dataType());
          attribute.setStringValue(value.stringValue());
          if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
          }
          // Lambda always sends both list fields, empty when unused.
          attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
          attribute.setBinaryListValues(buffers(value.binaryListValues()));
          attributes.put(name, attribute);
        });
    return attributes;
  }

  private static List<ByteBuffer> buffers(List<SdkBytes> bytes) {
    return new ArrayList<>(bytes.stream().map(SdkBytes::asByteBuffer).toList());
  }
}
