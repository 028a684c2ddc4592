/** The store: one lowdb instance per file, awaited writes that are on disk when acknowledged, shards that reload. */
import { parseStateFile, STATE_LOG_HEADER } from '../../harness/store/state-log-file.ts';
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARDS, Store } from '../../harness/store/store.ts';

describe('store', () => {
  it('has every acknowledged write on disk, spread over shard files, and reads them back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'store-'));
    try {
      const a = await new Store('svc', dir).collection<{ n: number }>('things', 4);
      await Promise.all(Array.from({ length: 200 }, (_, i) => a.put(`id${i}`, { n: i })));
      const files = (await readdir(path.join(dir, 'svc'))).filter((f) => f.endsWith('.json')).sort();
      // a growing collection is spread over SHARDS files (docs/decisions/005, 006)
      expect(files.length).toBeGreaterThan(SHARDS / 2);
      expect(files.length).toBeLessThanOrEqual(SHARDS);
      expect(files.every((f) => /^things\.s\d{4}\.json$/.test(f))).toBe(true);
      let onDisk = 0;
      for (const f of files) onDisk += Object.keys(parseStateFile(await readFile(path.join(dir, 'svc', f), 'utf8')).data).length;
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

describe('store layout changes', () => {
  it('refuses a state file of a layout this version does not write, naming it, and reads nothing from it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'store-layout-'));
    try {
      const { writeFile, mkdir } = await import('node:fs/promises');
      await mkdir(path.join(dir, 'svc'), { recursive: true });
      await writeFile(path.join(dir, 'svc', 'old.s1023.json'), JSON.stringify({ r1: { n: 1 } }));
      await expect(new Store('svc', dir).collection<{ n: number }>('old', 8)).rejects.toThrow(/old\.s1023\.json is not a state file of this version/);
      expect((await readdir(path.join(dir, 'svc'))).sort()).toEqual(['old.s1023.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('keeps each file an append-only log: changed records only, created by its first append, a torn last line or header dropped, compacted as it grows', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'store-log-'));
    try {
      const { writeFile, appendFile, stat } = await import('node:fs/promises');
      const file = path.join(dir, 'svc', 'log.json');
      const c = await new Store('svc', dir).collection<{ n: number; pad: string }>('log');
      await c.put('a', { n: 1, pad: 'x'.repeat(100) });
      await c.put('b', { n: 2, pad: 'x'.repeat(100) });
      await c.put('a', { n: 3, pad: 'x'.repeat(100) });
      const lines = (await readFile(file, 'utf8')).trim().split('\n');
      expect(lines[0]).toBe(STATE_LOG_HEADER);
      expect(lines.slice(1).map((l) => JSON.parse(l).k)).toEqual(['a', 'b', 'a']); // one line per change, not the whole shard
      await appendFile(file, '{"k":"c","v":{"n":'); // a kill in the middle of an append
      expect(parseStateFile(await readFile(file, 'utf8'))).toMatchObject({ torn: true, data: { a: { n: 3 }, b: { n: 2 } } });

      for (let i = 0; i < 3000; i++) await c.put('a', { n: i, pad: 'x'.repeat(100) });
      expect((await stat(file)).size).toBeLessThan(200 * 1024); // rewritten as the log outgrew the live data
      expect(parseStateFile<{ n: number }>(await readFile(file, 'utf8')).data.a.n).toBe(2999);

      // a new file is created by its first append, header included, with no temp file and no rename
      const fresh = await new Store('svc', dir).collection<{ n: number }>('fresh', 4);
      const watcher = (await import('node:fs')).watch(path.join(dir, 'svc'));
      const events: string[] = [];
      watcher.on('change', (type, name) => events.push(`${type} ${name}`));
      await fresh.put('only', { n: 1 });
      await new Promise((r) => setTimeout(r, 50));
      watcher.close();
      expect(events.some((e) => e.includes('.tmp'))).toBe(false);
      const shard = (await readdir(path.join(dir, 'svc'))).find((f) => f.startsWith('fresh.'))!;
      expect((await readFile(path.join(dir, 'svc', shard), 'utf8')).split('\n')[0]).toBe(STATE_LOG_HEADER);
      // a kill during that first append can leave part of the header: nothing was acknowledged, so it reads as empty
      expect(parseStateFile(STATE_LOG_HEADER.slice(0, 10))).toMatchObject({ torn: true, data: {} });
      await writeFile(path.join(dir, 'svc', 'torn.json'), STATE_LOG_HEADER.slice(0, 10));
      const torn = await new Store('svc', dir).collection<{ n: number }>('torn');
      await torn.put('x', { n: 2 });
      expect(parseStateFile(await readFile(path.join(dir, 'svc', 'torn.json'), 'utf8')).data).toEqual({ x: { n: 2 } });

      await writeFile(path.join(dir, 'svc', 'legacy.json'), JSON.stringify({ old: { n: 7, pad: '' } }));
      const legacy = await new Store('svc', dir).collection<{ n: number; pad: string }>('legacy');
      expect(legacy.get('old')).toEqual({ n: 7, pad: '' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
