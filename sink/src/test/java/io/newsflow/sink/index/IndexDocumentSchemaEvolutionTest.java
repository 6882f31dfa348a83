package io.newsflow.sink.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.platform.json.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexDocumentSchemaEvolutionTest {

  @Test
  void currentSchemaIsAnAdditiveChangeOfTheLastReleasedOne() throws Exception {
    // given
    JsonNode released = resource("/released/index-document-1.schema.json");
    JsonNode current = resource("/schemas/index-document.schema.json");

    // when
    List<String> problems = SchemaCompatibility.breakingChanges(released, current);

    // then
    assertThat(problems).isEmpty();
  }

  @Test
  void flagsARemovedPropertyAWidenedTypeAndANewRequiredField() throws Exception {
    // given
    JsonNode released = resource("/released/index-document-1.schema.json");
    ObjectNode changed = (ObjectNode) resource("/schemas/index-document.schema.json");
    ((ObjectNode) changed.path("properties")).remove("slugline");
    ((ObjectNode) changed.path("properties").path("version")).put("type", "string");
    ((ArrayNode) changed.path("required")).add("signal");
    ((ArrayNode) changed.path("properties").path("stances").path("items").path("properties").path("polarity")
        .path("enum")).add("FURIOUS");

    // when
    List<String> problems = SchemaCompatibility.breakingChanges(released, changed);

    // then
    assertThat(problems).containsExactlyInAnyOrder(
        "#/properties/slugline was removed",
        "#/properties/version type [string] is not within the released [integer]",
        "# requires the new field signal",
        "#/properties/stances/items/properties/polarity enum [\"SUPPORT\",\"OPPOSE\",\"HESITANT\",\"NEUTRAL\",\"FURIOUS\"]"
            + " is not within the released [\"SUPPORT\",\"OPPOSE\",\"HESITANT\",\"NEUTRAL\"]");
  }

  @Test
  void indexMappingCoversEveryDocumentProperty() throws Exception {
    // given
    JsonNode schema = resource("/schemas/index-document.schema.json");
    Path mappingFile = Path.of("..", "connect", "index-mapping.json");
    JsonNode mapping = Json.mapper().readTree(Files.readString(mappingFile)).path("mappings").path("properties");

    // when
    List<String> unmapped = new ArrayList<>();
    for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!mapping.has(name)) {
        unmapped.add(name);
      }
    }
    for (JsonNode facet : schema.path("properties").path("facets").path("required")) {
      if (!mapping.path("facets").path("properties").has(facet.asText())) {
        unmapped.add("facets." + facet.asText());
      }
    }

    // then
    assertThat(unmapped).isEmpty();
    assertThat(mapping.path("entities").path("type").asText()).isEqualTo("nested");
    assertThat(mapping.path("stances").path("type").asText()).isEqualTo("nested");
    assertThat(mapping.path("headline").path("type").asText()).isEqualTo("text");
    assertThat(mapping.path("id").path("type").asText()).isEqualTo("keyword");
  }

  private static JsonNode resource(String name) throws Exception {
    try (InputStream in = IndexDocumentSchemaEvolutionTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return Json.mapper().readTree(in);
    }
  }
}
