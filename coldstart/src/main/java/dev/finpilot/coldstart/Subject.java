package dev.finpilot.coldstart;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of the table: a Lambda package, the handler class Lambda would construct from it, the
 * sample event it is invoked with, and the memory and environment it is given.
 *
 * @param name the template's logical id, or {@link #MINIMAL}
 * @param packageZip the zip exactly as Lambda gets it
 * @param event the sample event in events/, before the ids of a run are put into it
 */
record Subject(
    String name,
    String handlerClass,
    Path packageZip,
    Path event,
    int memorySizeMb,
    Map<String, String> environment) {

  static final String MINIMAL = "minimal handler";

  Subject {
    environment = Map.copyOf(environment);
  }

  boolean minimal() {
    return name.equals(MINIMAL);
  }

  /** Where its unzipped package and its runs' files are kept: the name, without spaces. */
  String directoryName() {
    return name.replace(' ', '-');
  }
}
