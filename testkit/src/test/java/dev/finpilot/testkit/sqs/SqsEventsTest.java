package dev.finpilot.testkit.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class SqsEventsTest {

  private static final String ARN = "arn:aws:sqs:eu-west-1:123456789012:planning";

  @Test
  void recordsCarryEverythingLambdaSends() {
    Message message =
        Message.builder()
            .messageId("m1")
            .receiptHandle("rh1")
            .body("{\"a\":1}")
            .md5OfBody("md5")
            .md5OfMessageAttributes("md5attrs")
            .attributes(
                Map.of(
                    MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2",
                    MessageSystemAttributeName.SENT_TIMESTAMP, "1700000000000"))
            .messageAttributes(
                Map.of(
                    "correlationId",
                    MessageAttributeValue.builder().dataType("String").stringValue("c-1").build(),
                    "blob",
                    MessageAttributeValue.builder()
                        .dataType("Binary")
                        .binaryValue(SdkBytes.fromUtf8String("xy"))
                        .build()))
            .build();

    SQSEvent.SQSMessage record = SqsEvents.toEvent(List.of(message), ARN).getRecords().get(0);

    assertThat(record.getMessageId()).isEqualTo("m1");
    assertThat(record.getReceiptHandle()).isEqualTo("rh1");
    assertThat(record.getBody()).isEqualTo("{\"a\":1}");
    assertThat(record.getMd5OfBody()).isEqualTo("md5");
    assertThat(record.getMd5OfMessageAttributes()).isEqualTo("md5attrs");
    assertThat(record.getEventSource()).isEqualTo("aws:sqs");
    assertThat(record.getEventSourceArn()).isEqualTo(ARN);
    assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
    assertThat(record.getAttributes())
        .containsEntry("ApproximateReceiveCount", "2")
        .containsEntry("SentTimestamp", "1700000000000");
    SQSEvent.MessageAttribute correlation = record.getMessageAttributes().get("correlationId");
    assertThat(correlation.getStringValue()).isEqualTo("c-1");
    assertThat(correlation.getDataType()).isEqualTo("String");
    assertThat(correlation.getStringListValues()).isEmpty();
    assertThat(correlation.getBinaryListValues()).isEmpty();
    assertThat(
            SdkBytes.fromByteBuffer(record.getMessageAttributes().get("blob").getBinaryValue())
                .asUtf8String())
        .isEqualTo("xy");
  }

  @Test
  void onlyQueueArnsAreAccepted() {
    assertThatThrownBy(() -> SqsEvents.toEvent(List.of(), "arn:aws:sns:us-east-1:1:topic"))
        .hasMessageContaining("Not an SQS queue ARN");
  }
}
