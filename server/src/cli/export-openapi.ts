import { writeFileSync } from 'node:fs';
import { publishedOpenApi } from '../openapi-document.js';

/** Writes the published OpenAPI document (used by `npm run api:types` to generate client types). */
const target = process.argv[2];
if (!target) {
  console.error('Usage: node server/dist/cli/export-openapi.js <file.json>');
  process.exit(2);
}
writeFileSync(target, `${JSON.stringify(publishedOpenApi(), null, 2)}\n`);
