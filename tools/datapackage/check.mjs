// Validates a publication folder's datapackage.json with datapackage-js (Frictionless Data's JavaScript implementation):
// the descriptor against the official tabular-data-package profile, then every resource read in full and cast against
// its Table Schema (types, required, enum), with its primary key unique and its foreign keys resolved.
// datapackage-js 1.1 does not strip a UTF-8 byte-order mark (outputs.md requires one; the Python reference
// implementation strips it): the CSV files are read from a scratch copy without it, byte for byte otherwise.
// Usage: node check.mjs FOLDER   (exit 1 on any error)
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { Package } = require('datapackage');

const folder = process.argv[2];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'datapackage-'));
const descriptor = JSON.parse(fs.readFileSync(path.join(folder, 'datapackage.json'), 'utf8'));
for (const resource of descriptor.resources.filter(r => r.path)) {
  const bytes = fs.readFileSync(path.join(folder, resource.path));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  fs.writeFileSync(path.join(scratch, resource.path), bom ? bytes.subarray(3) : bytes);
  if (!bom) { console.error(`${resource.path}: no UTF-8 byte-order mark (outputs.md)`); process.exitCode = 1; }
}
fs.writeFileSync(path.join(scratch, 'datapackage.json'), JSON.stringify(descriptor));

const pkg = await Package.load(path.join(scratch, 'datapackage.json'));
if (!pkg.valid) {
  console.error('datapackage.json:', pkg.errors.map(e => e.message).join('\n'));
  process.exit(1);
}
for (const resource of pkg.resources) {
  try {
    const rows = await resource.read({ relations: true, cast: true });
    console.log(`${resource.name}: ${rows.length} rows conform to the schema`);
  } catch (e) {
    console.error(`${resource.name}: ${e.message}`);
    for (const error of (e.errors || []).slice(0, 10)) console.error(`  ${error.message}`);
    process.exitCode = 1;
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
