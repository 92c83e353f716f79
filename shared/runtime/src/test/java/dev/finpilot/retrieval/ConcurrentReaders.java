package dev.finpilot.retrieval;

import static org.awaitility.Awaitility.await;

import dev.finpilot.market.Quote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Readers that miss the cache together: all of them ask while the provider is held answering the
 * first, and the provider is let go only once every reader has asked, so the test sees real
 * concurrent misses rather than readers arriving after the answer is cached.
 */
public final class ConcurrentReaders {
  private ConcurrentReaders() {}

  /**
   * @param held counted down to let the provider answer
   * @param providerCalls how many calls have reached the provider so far
   */
  public static List<Quote> read(
      int readers, Callable<Quote> read, CountDownLatch held, IntSupplier providerCalls)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(readers);
    try {
      AtomicInteger asked = new AtomicInteger();
      List<Future<Quote>> answers = new ArrayList<>();
      for (int i = 0; i < readers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  asked.incrementAndGet();
                  return read.call();
                }));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> asked.get() == readers && providerCalls.getAsInt() >= 1);
      held.countDown();
      List<Quote> quotes = new ArrayList<>();
      for (Future<Quote> answer : answers) {
        quotes.add(answer.get());
      }
      return quotes;
    } finally {
      pool.shutdownNow();
    }
  }
}
