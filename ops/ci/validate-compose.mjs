// Validates compose files against the Compose Specification JSON schema, with no Docker engine.
// Usage: node validate-compose.mjs SCHEMA FILE...   (node_modules with ajv, ajv-formats and yaml on NODE_PATH)
// The schema is the one the dclint package ships (the compose-spec schema, draft-07).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_MODULES_DIR, "noop.js"));
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;
const YAML = require("yaml");

const [schemaFile, ...files] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaFile, "utf8"));
// the schema names its meta-schema without the trailing '#'; Ajv knows draft-07 by its canonical id
schema.$schema = "http://json-schema.org/draft-07/schema#";
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

let failed = 0;
for (const file of files) {
  // merge keys (<<: *anchor) are part of how compose files share settings
  const doc = YAML.parse(readFileSync(file, "utf8"), { merge: true, maxAliasCount: 100 });
  if (validate(doc)) {
    console.log(`${file}: valid against the Compose Specification`);
  } else {
    failed++;
    for (const e of validate.errors) {
      console.error(`${file}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
}
process.exit(failed === 0 ? 0 : 1);
