package dev.finpilot.coldstart;

/**
 * One cold start, all in milliseconds of wall-clock time on this machine.
 *
 * @param initMs from starting the JVM to the handler constructed (Lambda's INIT phase)
 * @param firstInvokeMs the first {@code handleRequest}, event reading included
 * @param endToEndMs from starting the JVM to the first answer
 * @param classesLoaded classes the JVM had loaded when it exited ({@code -Xlog:class+load})
 * @param answer what the handler answered, as JSON
 */
record ColdRun(
    long initMs, long firstInvokeMs, long endToEndMs, long classesLoaded, String answer) {}
