package io.newsflow.platform.http;

import io.newsflow.platform.json.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own rejections, before a request reaches a route (a malformed request line, an ambiguous encoded
 * path such as {@code %2F}), as problem details rather than Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

  private static final HttpField PROBLEM_JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/problem+json");

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                  Callback callback) {
    response.getHeaders().put(PROBLEM_JSON);
    response.write(true, ByteBuffer.wrap(body(code, message, Request.getPathInContext(request))), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(PROBLEM_JSON);
    return ByteBuffer.wrap(body(status, reason, null));
  }

  private static byte[] body(int status, String message, String instance) {
    Problem problem = Problem.of(status, "http-" + status, "Request refused",
        message == null || message.isBlank() ? "The request could not be read" : message);
    return Json.write(problem.toJson(instance)).getBytes(StandardCharsets.UTF_8);
  }
}
