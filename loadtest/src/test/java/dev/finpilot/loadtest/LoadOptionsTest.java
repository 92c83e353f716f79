package dev.finpilot.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void readsEveryOption() {
    LoadOptions options =
        LoadOptions.parse(
            "--users",
            "1000",
            "--api",
            "http://127.0.0.1:8080/",
            "--websocket",
            "ws://127.0.0.1:8081/",
            "--life-events",
            "0.1",
            "--timeout",
            "40m",
            "--ramp-up",
            "15m",
            "--seed",
            "9",
            "--out",
            "runs/a");
    assertThat(options.users()).isEqualTo(1000);
    assertThat(options.api()).contains(URI.create("http://127.0.0.1:8080"));
    assertThat(options.webSocket()).contains(URI.create("ws://127.0.0.1:8081/"));
    assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(40));
    assertThat(options.rampUp()).isEqualTo(Duration.ofMinutes(15));
    assertThat(options.seed()).isEqualTo(9);
    assertThat(LoadOptions.duration("PT90S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void refusesWhatCannotRun() {
    assertThatThrownBy(() -> LoadOptions.parse("--users", "0")).hasMessageContaining("--users");
    assertThatThrownBy(() -> LoadOptions.parse("--life-events", "2"))
        .hasMessageContaining("--life-events");
    assertThatThrownBy(() -> LoadOptions.parse("--ramp-up", "-1s"))
        .hasMessageContaining("--ramp-up");
    assertThatThrownBy(() -> LoadOptions.parse("--timeout", "10m", "--ramp-up", "10m"))
        .hasMessageContaining("shorter than --timeout");
    assertThatThrownBy(() -> LoadOptions.parse("--websocket", "ws://127.0.0.1:8081/"))
        .hasMessageContaining("--websocket goes with --api");
    assertThatThrownBy(() -> LoadOptions.parse("--speed", "1")).hasMessageContaining("unknown");
    assertThatThrownBy(() -> LoadOptions.parse("--users")).hasMessageContaining("needs a value");
  }

  @Test
  void theRampUpSpreadsTheStartsEvenlyAndWithoutItAllStartAtOnce() {
    LoadOptions spread = LoadOptions.parse("--users", "4", "--ramp-up", "8s");
    assertThat(IntStream.range(0, 4).mapToObj(spread::startOffset))
        .containsExactly(
            Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(6));
    LoadOptions atOnce = LoadOptions.parse("--users", "4");
    assertThat(atOnce.startOffset(3)).isZero();
  }

  @Test
  void theLifeEventFractionPicksThatShareOfUsers() {
    LoadOptions options = LoadOptions.parse("--users", "200", "--life-events", "0.2");
    assertThat(IntStream.range(0, 200).filter(options::reportsLifeEvent).count()).isEqualTo(40);
  }

  @Test
  void householdsDifferByUserAndRepeatBySeed() {
    LocalDate today = LocalDate.of(2026, 12, 7);
    Households households = new Households(1, today);
    assertThat(households.request(3)).isEqualTo(new Households(1, today).request(3));
    assertThat(households.request(3)).isNotEqualTo(households.request(4));
    assertThat(households.request(3)).isNotEqualTo(new Households(2, today).request(3));
    assertThat(households.request(3).path("taxYear").asInt()).isEqualTo(2026);
  }

  @Test
  void usersShareASourceAddressTenAtATimeAndEachRunStartsAtItsOwn() {
    assertThat(LoopbackPost.addressFor("run-a", 0)).isEqualTo(LoopbackPost.addressFor("run-a", 9));
    assertThat(LoopbackPost.addressFor("run-a", 9))
        .isNotEqualTo(LoopbackPost.addressFor("run-a", 10));
    assertThat(LoopbackPost.addressFor("run-a", 0))
        .isNotEqualTo(LoopbackPost.addressFor("run-b", 0));
    // "" hashes to 0: the first group is 127.10.0.1, and group 260 is 127.10.1.11.
    assertThat(LoopbackPost.addressFor("", 2_600).getHostAddress()).isEqualTo("127.10.1.11");
  }
}
