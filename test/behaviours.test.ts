/**
 * The README's behaviours table is generated from the per-ATS lists, every inferred (or third-party) choice
 * names a sandbox.config.json setting that exists, and every emulator setting appears in the table.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { behaviourGroups, syncReadme } from '../harness/behaviours.ts';
import { PROVIDERS } from '../harness/config.ts';

type Node = { $ref?: string; properties?: Record<string, Node>; $defs?: Record<string, Node>; additionalProperties?: Node | boolean; propertyNames?: Node; enum?: string[] };
const load = (file: string): Node => JSON.parse(readFileSync(file, 'utf8'));
const CONFIG = path.resolve('schemas/sandbox/config.schema.json');

/** The schema node a dotted config path names, following $refs across files; undefined when there is none. */
function resolve(dotted: string): Node | undefined {
  let file = CONFIG;
  let node: Node | undefined = load(file);
  const follow = (): void => {
    while (node?.$ref) {
      const [f, frag] = node.$ref.split('#');
      if (f) file = path.resolve(path.dirname(file), f);
      const doc: Node = load(file);
      node = frag ? (frag.replace(/^\/\$defs\//, '').split('/').reduce<Node | undefined>((n, k) => n?.$defs?.[k], doc) as Node | undefined) : doc;
    }
  };
  /** a map keyed by ATS or service (propertyNames: an enum of the registry's keys) takes a key of that enum */
  const keyed = (n: Node, key: string): Node | undefined => {
    if (!n.propertyNames || typeof n.additionalProperties !== 'object') return undefined;
    const [f, frag] = (n.propertyNames.$ref ?? '').split('#');
    const names = frag?.replace(/^\/\$defs\//, '').split('/').reduce<Node | undefined>((d, k) => d?.$defs?.[k], load(path.resolve(path.dirname(file), f)));
    return names?.enum?.includes(key) ? n.additionalProperties : undefined;
  };
  for (const key of dotted.split('.')) {
    follow();
    node = node?.properties?.[key] ?? (node ? keyed(node, key) : undefined);
    if (!node) return undefined;
  }
  follow();
  return node;
}

const paths = (setting: string): string[] => setting.split(',').map((s) => s.trim()).flatMap((p) => (p.includes('<ats>') ? PROVIDERS.map((a) => p.replace('<ats>', a)) : [p]));

describe('behaviours table', () => {
  it('the README section matches the lists (run `npm run schemas:generate` after changing one)', async () => {
    expect(await syncReadme('check')).toEqual([]);
  });

  it('every T and I choice has a setting that exists in sandbox.config.json, or is internal or wording', async () => {
    for (const g of await behaviourGroups()) {
      for (const b of g.behaviours) {
        if (b.status !== 'C') expect(Boolean(b.setting || b.internal || b.wording), `${g.title}: ${b.what}`).toBe(true);
        for (const p of b.setting ? paths(b.setting) : []) expect(resolve(p), `${g.title}: ${p}`).toBeDefined();
      }
    }
    expect(resolve('emulators.greenhouse.nonsense')).toBeUndefined();
  });

  it('every emulator setting is in the table', async () => {
    const listed = (await behaviourGroups()).flatMap((g) => g.behaviours.flatMap((b) => (b.setting ? paths(b.setting) : [])));
    for (const ats of PROVIDERS) {
      const props = Object.keys(resolve(`emulators.${ats}`)?.properties ?? {});
      expect(props.length, ats).toBeGreaterThan(0);
      for (const p of props) expect(listed, `emulators.${ats}.${p}`).toContain(`emulators.${ats}.${p}`);
    }
  });
});
