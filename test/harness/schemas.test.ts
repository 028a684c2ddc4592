/** The schemas are the one source of truth: every one compiles in the one ajv instance, and schemas/generated matches them. */
import { describe, expect, it } from 'vitest';
import { checkTypes } from '../../harness/schemas/generate.ts';
import { schemaNames, validate } from '../../harness/schemas/registry.ts';

describe('schemas', () => {
  it('compile, every one, in strict mode', () => {
    expect(schemaNames().length).toBeGreaterThan(15);
    for (const name of schemaNames()) expect(() => validate(name, {}), name).not.toThrow();
  });

  it('have generated TypeScript types that match them (npm run schemas:check)', async () => {
    const drift = await checkTypes();
    expect(drift, `run npm run schemas:generate:\n${drift.join('\n')}`).toEqual([]);
  });
});
