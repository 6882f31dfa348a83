package io.newsflow.launcher.commands;

/**
 * A command failed in a way the user can act on: one line ({@code newsflow: <message>}) and an exit code, no
 * stack trace unless {@code --verbose}.
 */
public final class CliFailure extends RuntimeException {

  /** Exit code of anything else that went wrong (bad input included). */
  public static final int FAILED = 1;
  /** Exit code of a command line picocli could not read (unknown option, missing file argument). */
  public static final int USAGE = 2;
  /** Exit code when a service could not be reached (not running, still starting, wrong URL). */
  public static final int UNREACHABLE = 3;
  /** Exit code when a service answered with an error (problem details). */
  public static final int SERVICE_ERROR = 4;

  private final int exitCode;

  public CliFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
