/**
 * The one ajv instance of the process. Every JSON Schema under schemas/ is compiled here, once,
 * and every boundary validates through `validate(name, data)`.
 * Names are paths below schemas/ without `.schema.json`: `unified/result-update`,
 * `greenhouse/send-test-response`; a `$defs` entry is `unified/common#Score`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { assets } from '../assets.ts';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';
import { atsManifests, registryVersion } from '../ats/registry.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export const SCHEMA_ROOT = assets.schemasDir;
const SCHEMA_BASE = 'https://ats-sandbox.local/schemas/';

export interface Verdict {
  /** schema name, e.g. `unified/result-update` */
  schema: string;
  valid: boolean;
  issues: FieldIssue[];
}

export interface SchemaFile {
  name: string;
  file: string;
  schema: Record<string, unknown>;
}

/** Every schema file below schemas/ (generated/ excluded), sorted by name. */
export function listSchemaFiles(root = SCHEMA_ROOT): SchemaFile[] {
  const out: SchemaFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== 'generated' && entry !== 'node_modules') walk(full);
      } else if (entry.endsWith('.schema.json')) {
        const name = path.relative(root, full).replace(/\\/g, '/').replace(/\.schema\.json$/, '');
        out.push({ name, file: full, schema: JSON.parse(readFileSync(full, 'utf8')) });
      }
    }
  };
  walk(root);
  return out;
}

/** The one schema generated from the ATS registry (`npm run schemas:generate`). */
export const ATS_SCHEMA_FILE = 'sandbox/ats.schema.json';

/** The enums every list of ATSs in a schema refers to ($defs): ATS keys, services, fault targets, and each emulator's settings. */
export function atsSchema(ats: readonly { key: string; settingsSchema?: string }[]): Record<string, unknown> {
  const keys = ats.map((a) => a.key);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${SCHEMA_BASE}${ATS_SCHEMA_FILE}`,
    title: 'AtsKeys',
    description: 'Generated from the ATS registry (harness/ats/registry.ts) by `npm run schemas:generate`; ATSs registered at run time are added in memory. Do not edit.',
    type: 'object',
    additionalProperties: false,
    properties: { ats: { $ref: '#/$defs/Ats' }, service: { $ref: '#/$defs/Service' }, faultTarget: { $ref: '#/$defs/FaultTarget' }, emulators: { $ref: '#/$defs/EmulatorSettings' } },
    $defs: {
      Ats: { title: 'AtsKey', type: 'string', enum: [...keys] },
      Service: { title: 'ServiceKey', type: 'string', enum: ['controlPlane', 'bridge', ...keys, 'partner'] },
      FaultTarget: { title: 'FaultTargetKey', type: 'string', enum: ['bridge', ...keys, 'partner'] },
      EmulatorSettings: {
        title: 'EmulatorSettings',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(ats.map((a) => [a.key, a.settingsSchema ? { $ref: `../${a.settingsSchema}.schema.json` } : { type: 'object' }])),
      },
    },
  };
}

// validateSchema: false skips checking each file against the 2020-12 meta-schema on every start (~35 ms
// of a ~350 ms `up`); test/harness/schemas.test.ts checks them all against it instead
const files = listSchemaFiles();
let ajv: Ajv2020;
const compiled = new Map<string, ValidateFunction>();
let builtFor = -1;
/** (Re)builds the ajv instance: at first use, and when an ATS registers at run time (its key joins the enums). */
function ajvNow(): Ajv2020 {
  if (builtFor === registryVersion()) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, allowUnionTypes: true, validateSchema: false });
  addFormats(ajv);
  const atsName = ATS_SCHEMA_FILE.replace(/\.schema\.json$/, '');
  for (const f of files) ajv.addSchema(f.name === atsName ? atsSchema(atsManifests()) : f.schema);
  compiled.clear();
  builtFor = registryVersion();
  return ajv;
}

export const schemaNames = (): string[] => files.map((f) => f.name);

export function schemaOf(name: string): Record<string, unknown> {
  const f = files.find((x) => x.name === name);
  if (!f) throw new Error(`unknown schema ${name}`);
  return f.schema;
}

function idOf(name: string): string {
  const [file, def] = name.split('#');
  return `${SCHEMA_BASE}${file}.schema.json${def ? `#/$defs/${def}` : ''}`;
}

function validatorFor(name: string): ValidateFunction {
  const a = ajvNow();
  let v = compiled.get(name);
  if (!v) {
    v = a.getSchema(idOf(name));
    if (!v) throw new Error(`unknown schema ${name}`);
    compiled.set(name, v);
  }
  return v;
}

/** Validates `data` against the named schema and explains every problem as a FieldIssue. */
export function validate(name: string, data: unknown): Verdict {
  const v = validatorFor(name);
  const valid = v(data) as boolean;
  return { schema: name, valid, issues: valid ? [] : toIssues(v.errors ?? []) };
}

const describe = (x: unknown): unknown => {
  if (x === undefined) return 'missing';
  if (typeof x === 'string' && x.length > 200) return `${x.slice(0, 200)}… (${x.length} characters)`;
  if (x && typeof x === 'object') {
    let s: string;
    try {
      s = JSON.stringify(x);
    } catch {
      return `${Array.isArray(x) ? 'array' : 'object'} (too deeply nested to show)`; // stack overflow on deep input
    }
    return s.length > 200 ? `${Array.isArray(x) ? 'array' : 'object'} (${s.length} characters of JSON)` : x;
  }
  return x;
};

const typeName = (x: unknown): string => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);

/** ajv's errors, made readable: one issue per field, null branches of `anyOf` dropped. */
function toIssues(errors: ErrorObject[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const meaningful = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if');
  for (const e of meaningful) {
    if (e.keyword === 'type' && e.params.type === 'null' && meaningful.some((o) => o !== e && o.instancePath.startsWith(e.instancePath))) continue;
    let pointer = e.instancePath;
    let message = e.message ?? 'is invalid';
    let expected: unknown;
    let actual: unknown = describe(e.data);
    switch (e.keyword) {
      case 'required':
        pointer = `${e.instancePath}/${e.params.missingProperty}`;
        message = 'is required';
        expected = 'a value';
        actual = 'missing';
        break;
      case 'additionalProperties': {
        pointer = `${e.instancePath}/${e.params.additionalProperty}`;
        const known = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
        message = 'is not a known field';
        expected = known.length ? `one of: ${known.join(', ')}` : 'no extra fields';
        actual = describe((e.data as Record<string, unknown>)?.[e.params.additionalProperty]);
        break;
      }
      case 'type':
        message = `must be ${[e.params.type].flat().join(' or ')}`;
        expected = e.params.type;
        actual = `${typeName(e.data)} ${JSON.stringify(describe(e.data))}`;
        break;
      case 'enum':
        message = 'must be one of the allowed values';
        expected = e.params.allowedValues;
        break;
      case 'const':
        expected = e.params.allowedValue;
        break;
      case 'format':
        message = `must be a valid ${e.params.format}`;
        expected = `format ${e.params.format}`;
        break;
      default:
        expected = e.schema;
    }
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ pointer, message, expected, actual });
  }
  return issues;
}

/** One line a person can read: "/score/value must be string (expected string, got number 80)". */
export function explainIssues(issues: FieldIssue[]): string {
  return issues
    .map((i) => `${i.pointer || '(body)'} ${i.message} (expected ${fmt(i.expected)}, got ${fmt(i.actual)})`)
    .join('; ');
}

const fmt = (x: unknown): string => (typeof x === 'string' ? x : JSON.stringify(x));
