/**
 * Turns every schema under schemas/ into TypeScript types in schemas/generated/ with
 * json-schema-to-typescript. A `$ref` into another file becomes an import of that file's type,
 * so every payload type is defined once.  `check` mode reports drift instead of writing.
 */
import { mkdir, readFile, writeFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { JSONSchema } from 'json-schema-to-typescript';
import { atsSchema, ATS_SCHEMA_FILE, listSchemaFiles, SCHEMA_ROOT, type SchemaFile } from './registry.ts';
import { BUILTIN_ATS } from '../ats/registry.ts';

const BANNER = '/* eslint-disable */\n/** Generated from schemas/ by `npm run schemas:generate`. Do not edit: change the schema instead. */\n';

const pascal = (s: string): string => s.replace(/(^|[-_/])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());

/** The TypeScript name of a schema file's root type. */
const rootTypeName = (f: SchemaFile): string => (f.schema.title as string | undefined) ?? pascal(path.basename(f.name));

function externalise(f: SchemaFile, byName: Map<string, SchemaFile>): { schema: JSONSchema; imports: Map<string, Set<string>> } {
  const imports = new Map<string, Set<string>>();
  const dir = path.posix.dirname(f.name);
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    if (typeof o.$ref === 'string' && !o.$ref.startsWith('#')) {
      const [file, frag] = o.$ref.split('#');
      const target = path.posix.normalize(path.posix.join(dir, file.replace(/\.schema\.json$/, '')));
      const tf = byName.get(target);
      if (!tf) throw new Error(`${f.name}: $ref ${o.$ref} points at no schema`);
      let typeName: string;
      if (frag) {
        const def = frag.replace(/^\/\$defs\//, '');
        const d = (tf.schema.$defs as Record<string, { title?: string }>)[def];
        if (!d) throw new Error(`${f.name}: $ref ${o.$ref} names no $defs entry`);
        typeName = d.title ?? pascal(def);
      } else typeName = rootTypeName(tf);
      const rel = path.posix.relative(dir, target);
      const spec = (rel.startsWith('.') ? rel : `./${rel}`) + '.ts';
      if (!imports.has(spec)) imports.set(spec, new Set());
      imports.get(spec)!.add(typeName);
      const { $ref: _r, ...rest } = o;
      return { ...walk(rest) as object, tsType: typeName };
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
  };
  const schema = walk(structuredClone(f.schema)) as JSONSchema;
  delete (schema as Record<string, unknown>).$id;
  return { schema, imports };
}

/** The generated files, as path (relative to schemas/generated) → text. */
async function renderTypes(): Promise<Map<string, string>> {
  const files = listSchemaFiles();
  const byName = new Map(files.map((f) => [f.name, f]));
  const out = new Map<string, string>();
  // a maintainer's tool (devDependency), loaded only here: an installed ats-sandbox does not carry it
  const { compile } = await import('json-schema-to-typescript');
  for (const f of files) {
    const { schema, imports } = externalise(f, byName);
    const body = await compile(schema, rootTypeName(f), {
      bannerComment: '',
      additionalProperties: false,
      unreachableDefinitions: true,
      maxItems: -1,
      declareExternallyReferenced: true,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
      $refOptions: { resolve: { http: false, external: false } } as never,
    });
    const importLines = [...imports]
      .map(([spec, names]) => `import type { ${[...names].sort().join(', ')} } from '${spec}';`)
      .join('\n');
    out.set(`${f.name}.ts`, `${BANNER}${importLines ? importLines + '\n\n' : ''}${body}`);
  }
  return out;
}

async function existing(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (d: string): Promise<void> => {
    let entries: string[] = [];
    try {
      entries = await readdir(d);
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(d, e);
      if (e.endsWith('.ts')) found.set(path.relative(dir, full).replace(/\\/g, '/'), await readFile(full, 'utf8'));
      else if (!e.includes('.')) await walk(full);
    }
  };
  await walk(dir);
  return found;
}

export const GENERATED_DIR = path.join(SCHEMA_ROOT, 'generated');

/** schemas/sandbox/ats.schema.json: the enums of ATS keys, services and fault targets, from the registry's built-in ATSs. */
const atsSchemaText = (): string => `${JSON.stringify(atsSchema(BUILTIN_ATS), null, 2)}\n`;
const atsSchemaFile = (): string => path.join(SCHEMA_ROOT, ATS_SCHEMA_FILE);

/** Lists every generated file that is missing, stale or left over. Empty = in sync. */
export async function checkTypes(): Promise<string[]> {
  const drift: string[] = [];
  const ats = await readFile(atsSchemaFile(), 'utf8').catch(() => '');
  if (ats !== atsSchemaText()) drift.push(`schemas/${ATS_SCHEMA_FILE} differs from the ATS registry (harness/ats/registry.ts)`);
  const want = await renderTypes();
  const have = await existing(GENERATED_DIR);
  for (const [file, text] of want) {
    if (!have.has(file)) drift.push(`schemas/generated/${file} is missing`);
    else if (have.get(file) !== text) drift.push(`schemas/generated/${file} differs from its schema`);
  }
  for (const file of have.keys()) if (!want.has(file)) drift.push(`schemas/generated/${file} has no schema any more`);
  return drift;
}

/** Writes every generated file whose text changed and removes files whose schema is gone. */
export async function writeTypes(): Promise<string[]> {
  if ((await readFile(atsSchemaFile(), 'utf8').catch(() => '')) !== atsSchemaText()) await writeFile(atsSchemaFile(), atsSchemaText());
  const want = await renderTypes();
  const have = await existing(GENERATED_DIR);
  for (const [file, text] of want) {
    if (have.get(file) === text) continue;
    const full = path.join(GENERATED_DIR, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  for (const file of have.keys()) if (!want.has(file)) await rm(path.join(GENERATED_DIR, file), { force: true });
  return [...want.keys()];
}
