package dev.finpilot.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.finpilot.loadtest.UsersInFlight.Span;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersInFlightTest {

  private static Span span(long from, long to) {
    return new Span(Instant.ofEpochSecond(from), Instant.ofEpochSecond(to));
  }

  @Test
  void thePeakIsTheMostSessionsOverlappingAtOneMoment() {
    // 0-10 and 5-15 overlap with 8-9: three at once at second 8; 20-30 is alone.
    assertThat(UsersInFlight.peak(List.of(span(0, 10), span(5, 15), span(8, 9), span(20, 30))))
        .isEqualTo(3);
  }

  @Test
  void sessionsThatFollowEachOtherAreNeverInFlightTogether() {
    assertThat(UsersInFlight.peak(List.of(span(0, 10), span(10, 20), span(20, 30)))).isEqualTo(1);
  }

  @Test
  void noSessionsNoneInFlight() {
    assertThat(UsersInFlight.peak(List.of())).isZero();
  }
}
