/**
 * State on lowdb: one `Low` instance per file per process (deps.md pitfalls 2-4), mutated only
 * through synchronous `update()` callbacks, and every write awaited before a caller acknowledges it.
 * A collection is split over shard files by id, so a write rewrites one shard and the cost of a
 * write stays flat as the collection grows.
 */
import path from 'node:path';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { Low, Memory } from 'lowdb';
import { CoalescingJsonFile } from './coalescing-file.ts';

type Shard<T> = Low<Record<string, T>>;

const openFiles = new Map<string, Low<Record<string, unknown>>>();

/** The process-wide instance for a file: never two `Low`s on one file. */
async function openFile<T>(file: string): Promise<Shard<T>> {
  let db = openFiles.get(file) as Shard<T> | undefined;
  if (!db) {
    mkdirSync(path.dirname(file), { recursive: true });
    db = new Low<Record<string, T>>(new CoalescingJsonFile<Record<string, T>>(file), {});
    openFiles.set(file, db as Low<Record<string, unknown>>);
    await db.read();
    db.data ??= {};
  }
  return db;
}

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A sharded collection has at least this many shards, whatever its caller asked for: a write
 * rewrites one shard, so the shard's size (collection size ÷ shards) is what a write costs. At
 * 10,000 records a shard holds ~150 (docs/decisions/005).
 */
export const MIN_SHARDS = 64;

const shardFile = (name: string, count: number, i: number): string => (count === 1 ? `${name}.json` : `${name}.${String(i).padStart(2, '0')}.json`);

export class Collection<T> {
  private constructor(
    readonly name: string,
    private readonly shards: Shard<T>[],
  ) {}

  static async open<T>(name: string, dir: string | undefined, requested: number): Promise<Collection<T>> {
    const shardCount = requested > 1 ? Math.max(requested, MIN_SHARDS) : 1;
    const shards = await Promise.all(
      Array.from({ length: shardCount }, async (_, i) => {
        if (dir) return openFile<T>(path.join(dir, shardFile(name, shardCount, i)));
        const db = new Low<Record<string, T>>(new Memory<Record<string, T>>(), {});
        await db.read();
        db.data ??= {};
        return db;
      }),
    );
    const c = new Collection<T>(name, shards);
    if (dir) await c.rehome(dir, shardCount);
    return c;
  }

  /**
   * Moves records written under another shard count (an older version, or a changed MIN_SHARDS) to
   * the shard their id belongs to now, and removes files this layout does not use.
   */
  private async rehome(dir: string, shardCount: number): Promise<void> {
    const mine = new Set(Array.from({ length: shardCount }, (_, i) => shardFile(this.name, shardCount, i)));
    const pattern = new RegExp(`^${this.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\.\\d+)?\\.json$`);
    const foreign = readdirSync(dir).filter((f) => pattern.test(f) && !mine.has(f));
    const homes = new Set<Shard<T>>();
    const left = new Set<Shard<T>>();
    for (const f of foreign) {
      const db = await openFile<T>(path.join(dir, f));
      for (const [id, v] of Object.entries(db.data)) {
        this.shard(id).data[id] = v;
        homes.add(this.shard(id));
      }
    }
    this.shards.forEach((s, i) => {
      for (const id of Object.keys(s.data)) {
        const home = this.shard(id);
        if (home === this.shards[i]) continue;
        home.data[id] = s.data[id];
        delete s.data[id];
        homes.add(home);
        left.add(s);
      }
    });
    // new homes on disk first, then the files they left: a kill in between duplicates, never loses
    await Promise.all([...homes].map((s) => s.write()));
    await Promise.all([...left].filter((s) => !homes.has(s)).map((s) => s.write()));
    for (const f of foreign) {
      openFiles.delete(path.join(dir, f));
      rmSync(path.join(dir, f), { force: true });
    }
  }

  private shard(id: string): Shard<T> {
    return this.shards[this.shards.length === 1 ? 0 : hash(id) % this.shards.length];
  }

  get(id: string): T | undefined {
    return Object.hasOwn(this.shard(id).data, id) ? this.shard(id).data[id] : undefined;
  }

  has(id: string): boolean {
    return Object.hasOwn(this.shard(id).data, id);
  }

  all(): T[] {
    return this.shards.flatMap((s) => Object.values(s.data));
  }

  find(predicate: (v: T) => boolean): T | undefined {
    for (const s of this.shards) for (const v of Object.values(s.data)) if (predicate(v)) return v;
    return undefined;
  }

  get size(): number {
    return this.shards.reduce((n, s) => n + Object.keys(s.data).length, 0);
  }

  async put(id: string, value: T): Promise<T> {
    await this.shard(id).update((d) => {
      d[id] = value;
    });
    return value;
  }

  /**
   * Reads and writes one record atomically: `fn` runs synchronously inside lowdb's update, so two
   * concurrent mutations of one record never interleave. Returning undefined leaves it unchanged.
   */
  async mutate<R>(id: string, fn: (current: T | undefined) => { value?: T; result: R }): Promise<R> {
    const shard = this.shard(id);
    const out = fn(Object.hasOwn(shard.data, id) ? shard.data[id] : undefined);
    if (out.value !== undefined) {
      const value = out.value;
      await shard.update((d) => {
        d[id] = value;
      });
    }
    return out.result;
  }

  async delete(id: string): Promise<boolean> {
    const shard = this.shard(id);
    if (!Object.hasOwn(shard.data, id)) return false;
    await shard.update((d) => {
      delete d[id];
    });
    return true;
  }

  async clear(): Promise<void> {
    await Promise.all(
      this.shards.map((s) =>
        s.update((d) => {
          for (const k of Object.keys(d)) delete d[k];
        }),
      ),
    );
  }
}

/** One service's state: its collections under `<dataDir>/<service>/`, or in memory. */
export class Store {
  private readonly collections = new Map<string, Collection<unknown>>();

  constructor(
    readonly service: string,
    readonly dataDir: string | undefined,
  ) {}

  async collection<T>(name: string, shards = 1): Promise<Collection<T>> {
    let c = this.collections.get(name) as Collection<T> | undefined;
    if (!c) {
      c = await Collection.open<T>(name, this.dataDir && path.join(this.dataDir, this.service), shards);
      this.collections.set(name, c as Collection<unknown>);
    }
    return c;
  }

  async clear(): Promise<void> {
    await Promise.all([...this.collections.values()].map((c) => c.clear()));
  }
}
