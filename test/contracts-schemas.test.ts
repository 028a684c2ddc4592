/** The bridge's OpenAPI document is generated and checked for drift; `schemas import-openapi` follows a StackOne OpenAPI document. */
import { describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { checkOpenApi, OPENAPI_FILE } from '../harness/schemas/openapi-document.ts';
import { importOpenApi, renderImportReport } from '../harness/schemas/import-openapi.ts';
import { listSchemaFiles, SCHEMA_ROOT } from '../harness/schemas/registry.ts';
import { validate, type ResultUpdate } from 'ats-sandbox/schemas';
import { assets } from '../harness/assets.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const FIXTURE = path.join(assets.fixturesDir, 'stackone-openapi.mini.json');

/** A copy of schemas/ (without generated/) to import into: the real schemas are never touched. */
async function schemasCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'schemas-import-'));
  await cp(SCHEMA_ROOT, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}generated`) });
  return dir;
}

function validatorOf(root: string, name: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const f of listSchemaFiles(root)) ajv.addSchema(f.schema);
  return ajv.getSchema(`https://ats-sandbox.local/schemas/${name}.schema.json`)!;
}

describe('schemas/generated/openapi.json', () => {
  it('matches the bridge\'s OpenAPI document (npm run schemas:generate rewrites it; schemas check fails on drift)', async () => {
    expect(await checkOpenApi(), 'run npm run schemas:generate').toEqual([]);
    const doc = JSON.parse(await readFile(OPENAPI_FILE, 'utf8'));
    expect(doc.paths['/unified/ats/assessments/orders/{id}/result'].patch.operationId).toBe('ats_update_assessments_result');
  });

  it('drift is reported when the file differs', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'openapi-drift-'));
    try {
      const file = path.join(dir, 'openapi.json');
      await cp(OPENAPI_FILE, file);
      expect(await checkOpenApi(file)).toEqual([]);
      await cp(FIXTURE, file);
      expect(await checkOpenApi(file)).toEqual([expect.stringMatching(/openapi\.json differs/)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('schemas import-openapi', () => {
  it('maps StackOne components onto schemas/unified, keeping our $ids and refs, and the result still compiles', async () => {
    const dir = await schemasCopy();
    const realBefore = await readFile(path.join(SCHEMA_ROOT, 'unified/result-update.schema.json'), 'utf8');
    try {
      const report = await importOpenApi(JSON.parse(await readFile(FIXTURE, 'utf8')), { schemasDir: dir });
      expect(report.errors).toEqual([]);
      const ru = report.changed.find((c) => c.target === 'unified/result-update')!;
      expect(ru).toMatchObject({ component: 'AtsUpdateCandidatesAssessmentsResultsRequestDto', added: ['completion_percentage', 'reviewer'], removed: ['passthrough'] });
      expect(report.changed.find((c) => c.target === 'unified/common#Score')?.added).toEqual(['weight']);
      expect(report.missing.join('\n')).toMatch(/unified\/order \(none of AtsCreateCandidatesAssessmentsRequestDto/);

      const schema = JSON.parse(await readFile(path.join(dir, 'unified/result-update.schema.json'), 'utf8'));
      expect(schema.$id).toBe('https://ats-sandbox.local/schemas/unified/result-update.schema.json');
      // StackOne's contract is the floor: unknown fields are accepted (with a warning, harness/bridge/result-rules.ts)
      expect(schema.additionalProperties).toBeUndefined();
      expect(JSON.stringify(schema.properties.score)).toContain('common.schema.json#/$defs/Score');
      expect(schema.properties.completion_percentage).toEqual({ type: ['number', 'null'], description: 'New in this revision' });
      // an unmapped component is inlined; OpenAPI's nullable and discriminator become JSON Schema
      expect(schema.properties.reviewer).toMatchObject({ type: ['object', 'null'], properties: { email: { type: 'string', format: 'email' } } });
      expect(schema.properties.reviewer.discriminator).toBeUndefined();
      // our tighter rules stay where StackOne says nothing about them
      expect(schema.properties.result_url).toMatchObject({ maxLength: 4096 });
      expect(schema.propertyNames).toEqual(expect.objectContaining({ not: { enum: ['__proto__', 'constructor', 'prototype'] } }));

      const v = validatorOf(dir, 'unified/result-update');
      expect(v({ completion_percentage: 0.8, score: { value: '80', weight: '0.5' }, reviewer: { name: 'R', email: 'r@example.com' } }), JSON.stringify(v.errors)).toBe(true);
      // a field StackOne dropped is no longer described: the schema takes it, the result rules warn that it is unknown
      expect(v({ passthrough: {} })).toBe(true);
      expect(v({ score: { value: 80 } })).toBe(false);
      expect(renderImportReport(report)).toMatch(/unified\/result-update ← AtsUpdateCandidatesAssessmentsResultsRequestDto\n {2}added: {3}completion_percentage, reviewer\n {2}removed: passthrough/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(await readFile(path.join(SCHEMA_ROOT, 'unified/result-update.schema.json'), 'utf8')).toBe(realBefore);
  });

  it('writes nothing on a dry run, and refuses a document without components', async () => {
    const dir = await schemasCopy();
    try {
      const before = await readFile(path.join(dir, 'unified/result-update.schema.json'), 'utf8');
      const report = await importOpenApi(JSON.parse(await readFile(FIXTURE, 'utf8')), { schemasDir: dir, dryRun: true });
      expect(report.changed.length).toBeGreaterThan(0);
      expect(await readFile(path.join(dir, 'unified/result-update.schema.json'), 'utf8')).toBe(before);
      expect((await importOpenApi({ openapi: '3.1.0' }, { schemasDir: dir })).errors).toEqual([expect.stringMatching(/no components\.schemas/)]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('ats-sandbox/schemas (package export)', () => {
  it('validates with the sandbox\'s own verdicts and exports the generated types', () => {
    const ok: ResultUpdate = { score: { label: 'Percentage', value: '80', min: '0', max: '100' } };
    expect(validate('unified/result-update', ok).valid).toBe(true);
    expect(validate('unified/result-update', { score: { value: 80 } }).issues[0]).toMatchObject({ pointer: '/score/value' });
  });
});
