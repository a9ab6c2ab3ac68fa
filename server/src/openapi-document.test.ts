import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { publishedOpenApi } from './openapi-document.js';

describe('published OpenAPI document', () => {
  it('matches the routes (run `npm run api:types` after changing an API)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
    expect(JSON.parse(JSON.stringify(publishedOpenApi()))).toEqual(committed);
  });
});
