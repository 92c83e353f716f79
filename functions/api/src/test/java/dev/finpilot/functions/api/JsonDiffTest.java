package dev.finpilot.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.finpilot.messaging.Json;
import org.junit.jupiter.api.Test;

/** Differences between two plan versions, named by JSON Pointer. */
class JsonDiffTest {

  @Test
  void changesAreNamedByJsonPointer() {
    JsonDiff.Result diff =
        JsonDiff.between(
            Json.readTree("{\"a\":{\"b\":1,\"c/d\":[1,2]},\"gone\":true}"),
            Json.readTree("{\"a\":{\"b\":2,\"c/d\":[1,2,3]},\"new\":\"x\"}"));

    assertThat(diff.changes())
        .extracting(JsonDiff.Change::path)
        .containsExactly("/a/b", "/a/c~1d/2", "/gone", "/new");
    assertThat(diff.changes().get(0).before().asInt()).isEqualTo(1);
    assertThat(diff.changes().get(3).before().isNull()).isTrue();
    assertThat(diff.truncated()).isFalse();
    assertThat(JsonDiff.between(Json.readTree("1"), Json.readTree("2")).changes())
        .extracting(JsonDiff.Change::path)
        .containsExactly("/");
  }

  @Test
  void aLongListOfChangesIsCutAndSaysSo() {
    ArrayNode a = Json.mapper().createArrayNode();
    ArrayNode b = Json.mapper().createArrayNode();
    for (int i = 0; i < JsonDiff.MAX_CHANGES + 10; i++) {
      a.add(i);
      b.add(-i - 1);
    }

    JsonDiff.Result diff = JsonDiff.between(a, b);

    assertThat(diff.changes()).hasSize(JsonDiff.MAX_CHANGES);
    assertThat(diff.truncated()).isTrue();
  }
}
