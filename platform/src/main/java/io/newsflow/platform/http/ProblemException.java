package io.newsflow.platform.http;

/** Thrown by a handler to answer with problem details instead of a result. */
public final class ProblemException extends RuntimeException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String type, String detail) {
    return new ProblemException(Problem.of(400, type, "Bad request", detail));
  }
}
