// SPDX-License-Identifier: GPL-3.0-or-later
// Validates speedscope JSON files against speedscope's published schema with ajv.
// Usage: node validate-speedscope.cjs NODE_PREFIX FILE...
// NODE_PREFIX holds node_modules/ajv and node_modules/speedscope (whose package ships
// dist/release/file-format-schema.json); tst_exporters installs both into the build tree.
// Prints "FILE: valid" or "FILE: invalid: ERRORS" per file; exits 1 if any is invalid.
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [prefix, ...files] = process.argv.slice(2);
if (!prefix || files.length === 0) {
    console.error("usage: node validate-speedscope.cjs NODE_PREFIX FILE...");
    process.exit(2);
}
const requireFromPrefix = createRequire(path.join(path.resolve(prefix), "index.js"));
const Ajv = requireFromPrefix("ajv");
const schemaPath = path.join(prefix, "node_modules", "speedscope", "dist", "release", "file-format-schema.json");
const schema = JSON.parse(fs.readFileSync(schemaPath, "utf8"));
// strict: false because the schema puts "title" beside "$ref", which draft-07 allows.
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

let failed = false;
for (const file of files) {
    let data;
    try {
        data = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
        console.log(`${file}: invalid: not JSON: ${e.message}`);
        failed = true;
        continue;
    }
    if (validate(data)) {
        console.log(`${file}: valid`);
    } else {
        console.log(`${file}: invalid: ${ajv.errorsText(validate.errors)}`);
        failed = true;
    }
}
process.exit(failed ? 1 : 0);
