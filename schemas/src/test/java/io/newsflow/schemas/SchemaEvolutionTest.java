package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.serde.ReleasedSchemas;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/** The build check that every schema change stays readable against data written with released schemas. */
class SchemaEvolutionTest {

  @Test
  void currentSchemasReadDataWrittenWithEveryReleasedVersion() {
    assertThat(ReleasedSchemas.versions()).isNotEmpty();
    for (String version : ReleasedSchemas.versions()) {
      Map<String, Schema> released = ReleasedSchemas.of(version);
      for (Schema current : new Schema[] {RawArticle.getClassSchema(), EnrichedArticle.getClassSchema()}) {
        Schema writer = released.get(current.getFullName());
        assertThat(writer).as("%s in release %s", current.getFullName(), version).isNotNull();
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, writer);
        assertThat(result.getType())
            .as("%s must read data written with release %s: %s", current.getName(), version,
                result.getResult().getIncompatibilities())
            .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
      }
    }
  }

  @Test
  void detectsAnIncompatibleChange() {
    Schema writer = ReleasedSchemas.of(ReleasedSchemas.versions().get(0)).get(RawArticle.getClassSchema().getFullName());
    // a new required field without a default cannot be filled from old data
    String changed = RawArticle.getClassSchema().toString()
        .replace("{\"name\":\"id\"", "{\"name\":\"mustHave\",\"type\":\"string\"},{\"name\":\"id\"");
    Schema.Parser parser = new Schema.Parser();
    parser.addTypes(ReleasedSchemas.of(ReleasedSchemas.versions().get(0)).values().stream()
        .filter(s -> !s.getName().equals("RawArticle")).toList());
    Schema reader = parser.parse(changed);
    assertThat(SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }

  @Test
  void everyRecordAndFieldIsDocumented() {
    for (Schema schema : ReleasedSchemas.of(ReleasedSchemas.versions().get(0)).values()) {
      assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
    }
    for (Schema record : new Schema[] {RawArticle.getClassSchema(), EnrichedArticle.getClassSchema()}) {
      assertDocumented(record);
    }
  }

  private static void assertDocumented(Schema schema) {
    if (schema.getType() == Schema.Type.UNION) {
      schema.getTypes().forEach(SchemaEvolutionTest::assertDocumented);
    } else if (schema.getType() == Schema.Type.ARRAY) {
      assertDocumented(schema.getElementType());
    } else if (schema.getType() == Schema.Type.RECORD) {
      assertThat(schema.getDoc()).as(schema.getFullName()).isNotBlank();
      for (Schema.Field field : schema.getFields()) {
        assertThat(field.doc()).as("%s.%s", schema.getName(), field.name()).isNotBlank();
        assertDocumented(field.schema());
      }
    }
  }
}
