package dev.finpilot.testkit.sqs;

import java.time.Duration;
import java.util.Arrays;

/**
 * Counters of one mapping and the notion of idleness tests wait for: nothing in flight, and every
 * poller has found the queue empty in a receive that started after the last batch and after the
 * wait began.
 */
final class Activity {

  private final long[] lastEmptyPollStart;
  private long tick;
  private long lastBatchEnd;
  private int inFlight;
  private long batches;
  private long received;
  private long deleted;
  private long failed;
  private long handlerErrors;

  Activity(int pollers) {
    lastEmptyPollStart = new long[pollers];
    Arrays.fill(lastEmptyPollStart, -1);
  }

  synchronized long pollStarted() {
    return ++tick;
  }

  synchronized void pollFoundNothing(int poller, long startTick) {
    lastEmptyPollStart[poller] = startTick;
    notifyAll();
  }

  synchronized void batchStarted(int size) {
    inFlight++;
    batches++;
    received += size;
  }

  synchronized void batchFinished(int deletedCount, int failedCount, boolean handlerError) {
    inFlight--;
    deleted += deletedCount;
    failed += failedCount;
    if (handlerError) {
      handlerErrors++;
    }
    lastBatchEnd = ++tick;
    notifyAll();
  }

  synchronized MappingStats snapshot() {
    return new MappingStats(batches, received, deleted, failed, handlerErrors);
  }

  synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long since = tick;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!idleSince(since)) {
      long remainingMillis = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (remainingMillis <= 0) {
        return false;
      }
      wait(remainingMillis);
    }
    return true;
  }

  private boolean idleSince(long since) {
    long after = Math.max(since, lastBatchEnd);
    return inFlight == 0 && Arrays.stream(lastEmptyPollStart).allMatch(start -> start > after);
  }
}
