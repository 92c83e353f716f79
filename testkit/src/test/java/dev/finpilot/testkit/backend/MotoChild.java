package dev.finpilot.testkit.backend;

import java.nio.file.Path;

/**
 * A JVM that starts a moto server and then waits to be killed: {@link MotoServerIT} kills it with
 * SIGKILL to check that the server does not outlive it.
 */
final class MotoChild {
  private MotoChild() {}

  public static void main(String[] args) throws InterruptedException {
    MotoServer server = MotoServer.start(Path.of(args[0]), Path.of(args[1]));
    System.out.println("port=" + server.endpoint().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }
}
