package io.newsflow.launcher;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** Validates documents against the published index-document JSON Schema that the sink module ships. */
public final class IndexDocumentSchema {

  private static final Schema SCHEMA = load();

  private IndexDocumentSchema() {}

  private static Schema load() {
    InputStream in = IndexDocumentSchema.class.getClassLoader().getResourceAsStream("schemas/index-document.schema.json");
    if (in == null) {
      throw new IllegalStateException("index-document.schema.json is not on the classpath");
    }
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
  }

  /** The violations of the schema; empty when the document is valid. */
  public static List<String> violations(String json) {
    List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
    return errors.stream().map(Error::toString).toList();
  }
}
