package dev.finpilot.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.finpilot.messaging.Json;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class VerdictTest {

  private static JsonNode transitions(String... fromToMessage) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < fromToMessage.length; i += 3) {
      json.append(i == 0 ? "" : ",")
          .append(
              String.format(
                  "{\"from\":\"%s\",\"to\":\"%s\",\"messageId\":\"%s\"}",
                  fromToMessage[i], fromToMessage[i + 1], fromToMessage[i + 2]));
    }
    return Json.readTree(json.append(']').toString());
  }

  private static UserOutcome due(int activations) {
    UserOutcome outcome =
        new UserOutcome(0, new Session("a@example.com", InetAddress.getLoopbackAddress()));
    outcome.activations = activations;
    return outcome;
  }

  @Test
  void aHistoryOfDistinctMessagesAndOneExecutionIsNotDuplicated() {
    JsonNode history =
        transitions(
            "RECEIVED",
            "RETRIEVING",
            "m1",
            "RETRIEVING",
            "PLANNING",
            "m2",
            "EXECUTING",
            "ACTIVE",
            "m3");
    assertThat(Verdict.duplicatedTransitions(history, due(1))).isEmpty();
  }

  @Test
  void aMessageBehindTwoTransitionsIsADuplicate() {
    JsonNode history = transitions("RETRIEVING", "PLANNING", "m2", "PLANNING", "VERIFYING", "m2");
    assertThat(Verdict.duplicatedTransitions(history, due(1)))
        .hasValue("message m2 caused two transitions");
  }

  @Test
  void moreExecutionsThanWereDueAreADuplicate() {
    JsonNode history = transitions("EXECUTING", "ACTIVE", "m3", "EXECUTING", "ACTIVE", "m4");
    assertThat(Verdict.duplicatedTransitions(history, due(1)))
        .hasValue("2 versions executed where 1 were due");
    assertThat(Verdict.duplicatedTransitions(history, due(2))).isEmpty();
  }
}
