/**
 * `ats-sandbox schemas import-openapi FILE`: follows StackOne's API. Maps the components of a StackOne
 * OpenAPI document (3.0 or 3.1) that the bridge speaks — the result update DTO, order DTOs, packages,
 * score, attachment, acks — onto schemas/unified/*.schema.json.
 *
 * What is preserved: each file's $id, $schema, title, description and additionalProperties; every
 * property that is a reference to one of our shared definitions (those follow their own component);
 * required fields we add for the sandbox's own rules (as long as the property still exists).
 * What follows StackOne: which properties exist (new ones added, dropped ones removed) and the schema
 * of every plain property. A reference to another mapped component becomes our $ref; any other
 * reference is inlined. OpenAPI-only keywords (nullable, example, discriminator, x-…) become JSON
 * Schema 2020-12 or are dropped. Nothing is written unless every schema still compiles in strict ajv.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { listSchemaFiles, SCHEMA_ROOT } from './registry.ts';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

type Json = Record<string, unknown>;

interface ImportTarget {
  /** schema name below schemas/, e.g. unified/result-update */
  file: string;
  /** a $defs entry of that file, or the root schema */
  def?: string;
  /** StackOne component names, first found wins */
  components: string[];
}

const IMPORT_MAP: ImportTarget[] = [
  { file: 'unified/result-update', components: ['AtsUpdateCandidatesAssessmentsResultsRequestDto', 'AtsUpdateBackgroundCheckResultRequestDto'] },
  { file: 'unified/order', components: ['AtsCreateCandidatesAssessmentsRequestDto', 'AtsCreateBackgroundCheckOrderRequestDto'] },
  { file: 'unified/order-create-result', components: ['CreateAssessmentOrderResult', 'CreateBackgroundCheckOrderResult'] },
  { file: 'unified/common', def: 'Package', components: ['AssessmentPackage', 'Package'] },
  { file: 'unified/common', def: 'BackgroundCheckPackage', components: ['BackgroundCheckPackage'] },
  { file: 'unified/common', def: 'Score', components: ['ScoreApiModel'] },
  { file: 'unified/common', def: 'Attachment', components: ['Attachment'] },
  { file: 'unified/common', def: 'ResultCandidate', components: ['UpdateResultCandidateApiModel'] },
  { file: 'unified/common', def: 'HiringTeamMember', components: ['AtsJobHiringTeam', 'OrderJobHiringTeamApiModel'] },
  { file: 'unified/acks', def: 'UpdateResult', components: ['UpdateResult'] },
];

interface TargetChange {
  target: string;
  component: string;
  added: string[];
  removed: string[];
  updated: string[];
}

export interface ImportReport {
  dryRun: boolean;
  changed: TargetChange[];
  /** mapped targets whose component the document does not have */
  missing: string[];
  errors: string[];
}

const KNOWN_FORMATS = new Set(['date-time', 'date', 'time', 'duration', 'uri', 'uri-reference', 'email', 'hostname', 'ipv4', 'ipv6', 'uuid', 'regex', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary']);
const DROP = new Set(['nullable', 'example', 'discriminator', 'xml', 'externalDocs']);

const KEEP_OURS = new Set(['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'description']);

const targetName = (t: ImportTarget): string => `${t.file}${t.def ? `#${t.def}` : ''}`;

/** $ref from one schema file to a target. */
function refTo(t: ImportTarget, fromFile: string): string {
  const file = `${path.posix.relative(path.posix.dirname(fromFile), t.file)}.schema.json`;
  const same = t.file === fromFile;
  return t.def ? `${same ? '' : file}#/$defs/${t.def}` : same ? '#' : file;
}

const hasRef = (x: unknown): boolean => JSON.stringify(x ?? null).includes('"$ref"');

export async function importOpenApi(doc: unknown, opts: { schemasDir?: string; dryRun?: boolean } = {}): Promise<ImportReport> {
  const root = opts.schemasDir ?? SCHEMA_ROOT;
  const report: ImportReport = { dryRun: Boolean(opts.dryRun), changed: [], missing: [], errors: [] };
  const components = ((doc as { components?: { schemas?: Record<string, Json> } })?.components?.schemas ?? {}) as Record<string, Json>;
  if (!Object.keys(components).length) {
    report.errors.push('the document has no components.schemas: is it an OpenAPI document?');
    return report;
  }
  const byComponent = new Map<string, ImportTarget>();
  for (const t of IMPORT_MAP) for (const c of t.components) if (components[c] && !byComponent.has(c)) byComponent.set(c, t);

  const convert = (node: unknown, fromFile: string, depth: number, seen: string[]): unknown => {
    if (Array.isArray(node)) return node.map((n) => convert(n, fromFile, depth, seen));
    if (!node || typeof node !== 'object') return node;
    const o = node as Json;
    if (typeof o.$ref === 'string') {
      const name = o.$ref.replace(/^#\/components\/schemas\//, '');
      const mapped = byComponent.get(name);
      let out: Json;
      if (mapped) out = { $ref: refTo(mapped, fromFile) };
      else if (components[name] && depth < 8 && !seen.includes(name)) out = convert(components[name], fromFile, depth + 1, [...seen, name]) as Json;
      else out = {};
      return o.nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
    }
    const out: Json = {};
    for (const [k, v] of Object.entries(o)) {
      if (DROP.has(k) || k.startsWith('x-')) continue;
      if (k === 'format' && typeof v === 'string' && !KNOWN_FORMATS.has(v)) continue;
      if (k === 'properties' && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, convert(s, fromFile, depth, seen)]));
      else if (['items', 'additionalProperties', 'not'].includes(k) && v && typeof v === 'object') out[k] = convert(v, fromFile, depth, seen);
      else if (['anyOf', 'oneOf', 'allOf'].includes(k) && Array.isArray(v)) out[k] = v.map((s) => convert(s, fromFile, depth, seen));
      else out[k] = v;
    }
    if (o.example !== undefined && out.examples === undefined) out.examples = [o.example];
    if (o.nullable === true) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...out.type, 'null'];
      else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    }
    if (out.format === 'int32' || out.format === 'int64' || out.format === 'float' || out.format === 'double' || out.format === 'byte' || out.format === 'password' || out.format === 'binary') delete out.format;
    return out;
  };

  const files = new Map(listSchemaFiles(root).map((f) => [f.name, f]));
  const dirty = new Set<string>();
  for (const t of IMPORT_MAP) {
    const component = t.components.find((c) => components[c]);
    if (!component) {
      report.missing.push(`${targetName(t)} (none of ${t.components.join(', ')})`);
      continue;
    }
    const f = files.get(t.file);
    if (!f) {
      report.errors.push(`${t.file}.schema.json does not exist in ${root}`);
      continue;
    }
    const node = (t.def ? (f.schema.$defs as Record<string, Json> | undefined)?.[t.def] : f.schema) as Json | undefined;
    if (!node) {
      report.errors.push(`${t.file}.schema.json has no $defs/${t.def}`);
      continue;
    }
    const theirs = (components[component].properties ?? {}) as Json;
    const ours = (node.properties ?? {}) as Json;
    const next: Json = {};
    const change: TargetChange = { target: targetName(t), component, added: [], removed: [], updated: [] };
    for (const [p, s] of Object.entries(theirs)) {
      if (p in ours && hasRef(ours[p])) {
        next[p] = ours[p];
        continue;
      }
      let converted = convert(s, t.file, 0, [component]) as Json;
      // our own tighter rules (a pattern, a length limit) stay unless StackOne states that keyword itself
      if (p in ours && converted && typeof converted === 'object' && !Array.isArray(converted)) {
        const kept = Object.fromEntries(Object.entries(ours[p] as Json).filter(([k]) => KEEP_OURS.has(k) && !(k in converted)));
        converted = { ...converted, ...kept };
      }
      next[p] = converted;
      if (!(p in ours)) change.added.push(p);
      else if (JSON.stringify(ours[p]) !== JSON.stringify(converted)) change.updated.push(p);
    }
    for (const p of Object.keys(ours)) if (!(p in theirs)) change.removed.push(p);
    node.properties = next;
    const required = new Set([...((node.required as string[] | undefined) ?? []), ...((components[component].required as string[] | undefined) ?? [])].filter((p) => p in next));
    if (required.size) node.required = [...required];
    else delete node.required;
    if (change.added.length || change.removed.length || change.updated.length) {
      report.changed.push(change);
      dirty.add(t.file);
    }
  }

  // every schema must still compile, in the same strict ajv the sandbox runs
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  try {
    for (const f of files.values()) ajv.addSchema(f.schema);
    for (const f of files.values()) ajv.getSchema(f.schema.$id as string);
  } catch (e) {
    report.errors.push(`the imported schemas do not compile: ${(e as Error).message}`);
  }
  if (report.errors.length || report.dryRun) return report;
  for (const name of dirty) {
    const f = files.get(name)!;
    const before = await readFile(f.file, 'utf8');
    const text = `${JSON.stringify(f.schema, null, 2)}\n`;
    if (before !== text) await writeFile(f.file, text);
  }
  return report;
}

export function renderImportReport(r: ImportReport): string {
  const lines: string[] = [];
  for (const c of r.changed) {
    lines.push(`${c.target} ← ${c.component}`);
    if (c.added.length) lines.push(`  added:   ${c.added.join(', ')}`);
    if (c.removed.length) lines.push(`  removed: ${c.removed.join(', ')}`);
    if (c.updated.length) lines.push(`  updated: ${c.updated.join(', ')}`);
  }
  if (!r.changed.length) lines.push('no changes: schemas/unified already follows this document');
  for (const m of r.missing) lines.push(`not in the document: ${m}`);
  for (const e of r.errors) lines.push(`error: ${e}`);
  if (r.dryRun) lines.push('(dry run: nothing written)');
  return lines.join('\n');
}
