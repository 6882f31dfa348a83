package io.newsflow.ingest.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** A response that no server sent, to show that the contract check catches what breaks the description. */
record FakeResponse(int statusCode, String contentType, String body) implements HttpResponse<String> {

  @Override
  public HttpRequest request() {
    return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
  }

  @Override
  public Optional<HttpResponse<String>> previousResponse() {
    return Optional.empty();
  }

  @Override
  public HttpHeaders headers() {
    return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (k, v) -> true);
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return Optional.empty();
  }

  @Override
  public URI uri() {
    return request().uri();
  }

  @Override
  public HttpClient.Version version() {
    return HttpClient.Version.HTTP_1_1;
  }
}
