package io.newsflow.platform.http;

/** Handles one route. Throw {@link ProblemException} to reject the request with problem details. */
@FunctionalInterface
public interface Handler {
  Response handle(Request request) throws Exception;
}
