package dev.finpilot.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stack names unique per test class and run (the process id tells runs apart), so classes stay
 * isolated even on a shared endpoint that is never reset.
 */
final class StackNames {

  private static final String RUN = Long.toString(ProcessHandle.current().pid(), 36);
  private static final AtomicInteger NEXT = new AtomicInteger();

  private StackNames() {}

  static String next() {
    return "finpilot-test-" + RUN + "-" + NEXT.incrementAndGet();
  }
}
