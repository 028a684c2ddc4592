/** The store: one lowdb instance per file, awaited writes that are on disk when acknowledged, shards that reload. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Store } from '../../harness/store/store.ts';

describe('store', () => {
  it('has every acknowledged write on disk, spread over shard files, and reads them back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'store-'));
    try {
      const a = await new Store('svc', dir).collection<{ n: number }>('things', 4);
      await Promise.all(Array.from({ length: 200 }, (_, i) => a.put(`id${i}`, { n: i })));
      const files = (await readdir(path.join(dir, 'svc'))).filter((f) => f.endsWith('.json')).sort();
      expect(files).toEqual(['things.00.json', 'things.01.json', 'things.02.json', 'things.03.json']);
      let onDisk = 0;
      for (const f of files) onDisk += Object.keys(JSON.parse(await readFile(path.join(dir, 'svc', f), 'utf8'))).length;
      expect(onDisk).toBe(200);
      const again = await new Store('svc', dir).collection<{ n: number }>('things', 4);
      expect(again.get('id123')).toEqual({ n: 123 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('runs concurrent mutations of one record one after another (check-and-set)', async () => {
    const c = await new Store('svc', undefined).collection<{ winner?: number }>('t');
    await c.put('x', {});
    const wins = await Promise.all(Array.from({ length: 50 }, (_, i) => c.mutate('x', (cur) => (cur?.winner === undefined ? { value: { winner: i }, result: true } : { result: false }))));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});
