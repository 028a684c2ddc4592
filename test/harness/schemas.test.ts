/** The schemas are the one source of truth: every one compiles in the one ajv instance, and schemas/generated matches them. */
import { describe, expect, it } from 'vitest';
import { checkTypes } from '../../harness/schemas/generate.ts';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { listSchemaFiles, schemaNames, validate } from '../../harness/schemas/registry.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

describe('schemas', () => {
  it('compile, every one, in strict mode', () => {
    expect(schemaNames().length).toBeGreaterThan(15);
    for (const name of schemaNames()) expect(() => validate(name, {}), name).not.toThrow();
  });

  it('are valid JSON Schema 2020-12, every one (the run-time registry skips this check to start faster)', () => {
    const meta = new Ajv2020({ strict: true, allowUnionTypes: true });
    addFormats(meta);
    for (const f of listSchemaFiles()) expect(meta.validateSchema(f.schema), `${f.name}: ${meta.errorsText(meta.errors)}`).toBe(true);
    expect(() => {
      meta.addSchema({ $id: 'https://x.test/bad.schema.json', type: 'object', properties: { a: { type: 'strin' } } });
    }).toThrow(/schema is invalid/);
  });

  it('have generated TypeScript types that match them (npm run schemas:check)', async () => {
    const drift = await checkTypes();
    expect(drift, `run npm run schemas:generate:\n${drift.join('\n')}`).toEqual([]);
  });
});
