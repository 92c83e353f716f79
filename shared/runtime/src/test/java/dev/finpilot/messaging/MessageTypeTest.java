package dev.finpilot.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTypeTest {

  @Test
  void aMessageQueuedUnderAFormerNameReadsAsTheCurrentType() {
    Envelope queued =
        Json.read(
            "{\"messageId\":\"m1\",\"type\":\"VersionRejected\",\"planId\":\"p1\",\"planVersion\":2,"
                + "\"userId\":\"u1\",\"payload\":{},\"createdAt\":\"2026-01-05T10:00:00Z\","
                + "\"schemaVersion\":1}",
            Envelope.class);

    assertThat(queued.type()).isEqualTo(MessageType.VERSION_DECLINED);
    assertThat(queued.payloadAs(Payloads.VersionDeclined.class)).isNotNull();
    assertThat(Json.write(queued)).contains("\"type\":\"VersionDeclined\"");
  }

  @Test
  void namesNoTypeEverHadAreKeptAsTheyAreOrRefused() {
    assertThat(MessageType.currentWireName("Unheard")).isEqualTo("Unheard");
    assertThat(MessageType.currentWireName("PlanVerified")).isEqualTo("PlanVerified");
    assertThatThrownBy(() -> MessageType.fromWireName("Unheard"))
        .isInstanceOf(PoisonMessageException.class);
  }
}
