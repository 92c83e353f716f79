package dev.finpilot.cli;

/**
 * The exit statuses scripts can rely on (docs/cli.md lists them with examples). Each names a kind
 * of outcome, not a cause, so a script can decide what to do next without reading the message.
 */
public final class ExitCodes {
  /** The command did what it was asked. */
  public static final int OK = 0;

  /** A followed plan settled somewhere else than the command wanted (REJECTED, FAILED, ...). */
  public static final int PLAN_NOT_AS_WANTED = 1;

  /** The command line or a file it names cannot be used (picocli's own usage status). */
  public static final int USAGE = 2;

  /** Not signed in, the session has ended, or the API refused the token or the password. */
  public static final int NOT_SIGNED_IN = 3;

  /** No such plan, version or account (or one that belongs to someone else). */
  public static final int NOT_FOUND = 4;

  /** No answer from the API at all: wrong URL, the runtime is not running, network down. */
  public static final int UNREACHABLE = 5;

  /** The API failed (5xx) or answered something the CLI cannot read. */
  public static final int SERVER_ERROR = 6;

  /** The API understood the request and refused it: invalid input, a conflict, a rate limit. */
  public static final int REFUSED = 7;

  private ExitCodes() {}

  /** The exit status for an HTTP error status. */
  static int forStatus(int status) {
    if (status == 401 || status == 403) {
      return NOT_SIGNED_IN;
    }
    if (status == 404) {
      return NOT_FOUND;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    return REFUSED;
  }
}
