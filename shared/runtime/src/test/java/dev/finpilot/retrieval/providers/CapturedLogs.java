package dev.finpilot.retrieval.providers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** The log lines FinPilot's classes write while a test runs, as formatted text. */
final class CapturedLogs extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger;

  private CapturedLogs(Logger logger) {
    super("captured", null, null, true, Property.EMPTY_ARRAY);
    this.logger = logger;
  }

  static CapturedLogs capture() {
    CapturedLogs logs = new CapturedLogs((Logger) LogManager.getLogger("dev.finpilot"));
    logs.start();
    logs.logger.addAppender(logs);
    return logs;
  }

  @Override
  public void append(LogEvent event) {
    lines.add(event.getMessage().getFormattedMessage());
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeAppender(this);
    stop();
  }
}
