package io.newsflow.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The checks every service's OpenAPI document passes: it is valid OpenAPI 3.1, describes exactly the routes the
 * running server registers, and is served as is at {@code /openapi.json}. A service's test extends this, starts
 * its server, and adds the check of its real answers against the documented schemas.
 */
public abstract class OpenApiContractSuite {

  /** The service's document. */
  protected abstract OpenApiContract contract();

  /** The service's running server. */
  protected abstract HttpService http();

  @Test
  void isAValidOpenApi31Document() {
    assertThat(contract().parserMessages()).isEmpty();
  }

  /**
   * Whether {@code route} ("GET /path") belongs in the document: every route unless a service says otherwise
   * (a web page's own session API, say, which serves the page and no API client).
   */
  protected boolean documented(String route) {
    return true;
  }

  @Test
  void describesExactlyTheRoutesTheServerRegisters() {
    assertThat(contract().operations())
        .isEqualTo(new TreeSet<>(http().routes().stream().filter(this::documented).toList()));
  }

  @Test
  void servesItselfAtOpenApiJson() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(uri("/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(contract().text());
  }

  /** An address of the running server. */
  protected URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http().port() + path);
  }
}
