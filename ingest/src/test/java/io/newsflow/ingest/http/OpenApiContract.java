package io.newsflow.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsflow.platform.json.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * An OpenAPI 3.1 document read from the classpath: its parser messages, the (method, path) pairs it describes,
 * and the check of a real response against the schema it documents for that path, method, status and media type.
 */
final class OpenApiContract {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  final String text;
  final JsonNode document;

  OpenApiContract(String classpathResource) {
    try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(classpathResource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      document = Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What swagger-parser reports about the document: empty when it is a valid OpenAPI description. */
  List<String> parserMessages() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text, null, options);
    List<String> messages = new ArrayList<>(result.getMessages() == null ? List.of() : result.getMessages());
    if (result.getOpenAPI() == null) {
      messages.add("not parsed");
    } else if (!result.getOpenAPI().getOpenapi().startsWith("3.1")) {
      messages.add("not OpenAPI 3.1: " + result.getOpenAPI().getOpenapi());
    }
    return messages;
  }

  /** Every operation as {@code METHOD /path/{param}}. */
  Set<String> operations() {
    Set<String> out = new TreeSet<>();
    for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
      String path = paths.next();
      for (Iterator<String> methods = document.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (METHODS.contains(method)) {
          out.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    return out;
  }

  /** The violations of the documented response schema by a real response; empty when it conforms. */
  List<String> violations(String method, String pathTemplate, HttpResponse<String> response) {
    JsonNode documented = document.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT))
        .path("responses").path(String.valueOf(response.statusCode()));
    if (documented.isMissingNode()) {
      return List.of("status " + response.statusCode() + " of " + method + " " + pathTemplate + " is not documented");
    }
    String mediaType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
    JsonNode content = documented.path("content").path(mediaType);
    if (content.isMissingNode()) {
      return List.of("media type '" + mediaType + "' of status " + response.statusCode() + " of " + method + " "
          + pathTemplate + " is not documented");
    }
    ObjectNode schema = Json.mapper().createObjectNode();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.setAll((ObjectNode) content.path("schema"));
    schema.set("components", document.path("components"));
    List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Json.write(schema), InputFormat.JSON)
        .validate(response.body(), InputFormat.JSON);
    return errors.stream().map(Error::toString).toList();
  }
}
