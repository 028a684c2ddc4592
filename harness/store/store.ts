/**
 * State on lowdb: one `Low` instance per file per process (deps.md pitfalls 2-4), mutated only
 * through synchronous `update()` callbacks, and every write awaited before a caller acknowledges it.
 *
 * Each file is an append-only log of changed records (state-log-file.ts). A collection that grows (orders, deliveries, results) is spread over SHARDS files by a hash of the
 * id, so a write rewrites the few records of one shard and its cost stays flat as the collection
 * grows (docs/decisions/005). Shard files are created when a record first lands in them, and only
 * the files that exist are read at start-up, so an empty sandbox opens none.
 */
import path from 'node:path';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { Low, Memory, type Adapter } from 'lowdb';
import { StateLogFile } from './state-log-file.ts';
import { ApiError } from '../errors.ts';

/**
 * A write the disk refused, as the services answer it: 507 for a full disk, 503 for any other
 * storage failure (read-only folder, I/O error). Nothing was changed: memory is as it was.
 */
function storageError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new ApiError(507, 'InsufficientStorageError', `The sandbox could not save this change: the disk is full (${code}). Nothing was changed; free some space and try again.`);
  }
  return new ApiError(503, 'StorageUnavailableError', `The sandbox could not save this change (${code}: ${(e as Error)?.message ?? 'storage failure'}). Nothing was changed; check the state folder (dataDir) and try again.`);
}

type Data<T> = Record<string, T>;
type Shard<T> = Low<Data<T>>;

/**
 * Shards of a collection declared as growing: at 10,000 records a shard holds about 160. Appends cost
 * the same whatever a shard's size; a compaction costs its size, so shards keep it small (about 1 ms).
 * Not more: creating a file costs ~0.6 ms on ext4, and a young sandbox creates one per new shard.
 */
export const SHARDS = 64;

const openFiles = new Map<string, Low<Data<unknown>>>();

/** The process-wide instance for a file: never two `Low`s on one file. */
function instance<T>(file: string): Shard<T> {
  let db = openFiles.get(file) as Shard<T> | undefined;
  if (!db) {
    db = new Low<Data<T>>(new StateLogFile<Data<T>[string]>(file), {});
    openFiles.set(file, db as Low<Data<unknown>>);
  }
  return db;
}

/** Forgets the state files under a directory (a sandbox closing): the next open reads them again from disk. */
export function forgetStateFiles(dir: string): void {
  for (const file of [...openFiles.keys()]) if (file.startsWith(dir + path.sep)) openFiles.delete(file);
}

async function readFile<T>(file: string): Promise<Shard<T>> {
  const db = instance<T>(file);
  if (!readOnce.has(db)) {
    readOnce.add(db);
    await db.read();
    db.data ??= {};
  }
  return db;
}
const readOnce = new WeakSet<object>();

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A secondary index: the ids of the records under each key. */
interface Index<T> {
  keysOf: (v: T) => string[];
  ids: Map<string, Set<string>>;
  keysById: Map<string, string[]>;
}

export class Collection<T> {
  private readonly shards: (Shard<T> | undefined)[];
  private readonly indexes = new Map<string, Index<T>>();

  private constructor(
    readonly name: string,
    private readonly dir: string | undefined,
    count: number,
  ) {
    this.shards = new Array(count).fill(undefined);
  }

  static async open<T>(name: string, dir: string | undefined, requested: number): Promise<Collection<T>> {
    const c = new Collection<T>(name, dir, requested > 1 ? SHARDS : 1);
    if (!dir) return c;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const pattern = new RegExp(`^${escape(name)}(\\.s?\\d+)?\\.json$`);
    const files = readdirSync(dir).filter((f) => pattern.test(f));
    const foreign = files.filter((f) => c.indexOfFile(f) === undefined);
    // only one layout ever shipped (ADR 006): a file of another is not this version's, never read as if it were
    if (foreign.length) throw new Error(`${path.join(dir, foreign[0])} is not a state file of this version of ats-sandbox (collection ${name}): move the state folder (dataDir) aside or delete it`);
    await Promise.all(files.map(async (f) => void (c.shards[c.indexOfFile(f)!] = await readFile<T>(path.join(dir, f)))));
    return c;
  }

  private fileOf(i: number): string {
    return this.shards.length === 1 ? `${this.name}.json` : `${this.name}.s${String(i).padStart(4, '0')}.json`;
  }

  private indexOfFile(f: string): number | undefined {
    if (this.shards.length === 1) return f === `${this.name}.json` ? 0 : undefined;
    const m = new RegExp(`^${escape(this.name)}\\.s(\\d{4})\\.json$`).exec(f);
    const i = m ? Number(m[1]) : NaN;
    return i < this.shards.length ? i : undefined;
  }

  private slot(id: string): number {
    return this.shards.length === 1 ? 0 : hash(id) % this.shards.length;
  }

  /** The shard of an id if it has been created; reads need no more. */
  private existing(id: string): Shard<T> | undefined {
    return this.shards[this.slot(id)];
  }

  /** The shard of an id, created (empty, no file yet) on the first write to it. */
  private ensure(id: string): Shard<T> {
    const i = this.slot(id);
    let s = this.shards[i];
    if (!s) {
      if (this.dir) {
        s = instance<T>(path.join(this.dir, this.fileOf(i)));
        readOnce.add(s);
      } else s = new Low<Data<T>>(new Memory<Data<T>>() as Adapter<Data<T>>, {});
      s.data ??= {};
      this.shards[i] = s;
    }
    return s;
  }

  /** Tells a shard's file which record changed, so that only it is written. */
  private touch(s: Shard<T>, id: string): void {
    (s.adapter as Partial<StateLogFile<T>>).touched?.(id);
  }

  private created(): Shard<T>[] {
    return this.shards.filter((s): s is Shard<T> => s !== undefined);
  }

  get(id: string): T | undefined {
    const s = this.existing(id);
    return s && Object.hasOwn(s.data, id) ? s.data[id] : undefined;
  }

  has(id: string): boolean {
    const s = this.existing(id);
    return Boolean(s && Object.hasOwn(s.data, id));
  }

  all(): T[] {
    return this.created().flatMap((s) => Object.values(s.data));
  }

  find(predicate: (v: T) => boolean): T | undefined {
    for (const s of this.created()) for (const v of Object.values(s.data)) if (predicate(v)) return v;
    return undefined;
  }

  get size(): number {
    return this.created().reduce((n, s) => n + Object.keys(s.data).length, 0);
  }

  async put(id: string, value: T): Promise<T> {
    await this.commit(this.ensure(id), id, value);
    return value;
  }

  /**
   * Sets (or with undefined, deletes) one record and writes it. When the write fails, memory is put
   * back as it was (unless a later change of the same record has replaced this one) and the caller
   * gets a 503/507: a refused write never leaves a phantom record behind.
   */
  private async commit(s: Shard<T>, id: string, value: T | undefined): Promise<void> {
    const had = Object.hasOwn(s.data, id);
    const before = s.data[id];
    this.touch(s, id);
    try {
      await s.update((d) => {
        if (value === undefined) delete d[id];
        else d[id] = value;
        this.reindex(id, value);
      });
    } catch (e) {
      const mine = value === undefined ? !Object.hasOwn(s.data, id) : s.data[id] === value;
      if (mine) {
        if (had) s.data[id] = before;
        else delete s.data[id];
        this.reindex(id, had ? before : undefined);
      }
      throw storageError(e);
    }
  }

  /**
   * Declares a secondary index: `keysOf` names the keys a record is found under. Built from what is
   * stored now and kept up to date by every write, so `lookup` costs the matches, not the collection.
   * Declaring a name again keeps the first declaration.
   */
  index(name: string, keysOf: (v: T) => string | string[] | undefined | null): this {
    if (this.indexes.has(name)) return this;
    const idx: Index<T> = { keysOf: (v) => [keysOf(v) ?? []].flat(), ids: new Map(), keysById: new Map() };
    this.indexes.set(name, idx);
    for (const s of this.created()) for (const [id, v] of Object.entries(s.data)) this.indexOne(idx, id, v);
    return this;
  }

  /** The records an index holds under a key. */
  lookup(name: string, key: string): T[] {
    const idx = this.indexes.get(name);
    if (!idx) throw new Error(`collection ${this.name} has no index ${name}`);
    const out: T[] = [];
    for (const id of idx.ids.get(key) ?? []) {
      const v = this.get(id);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  private indexOne(idx: Index<T>, id: string, value: T | undefined): void {
    for (const k of idx.keysById.get(id) ?? []) {
      const set = idx.ids.get(k);
      set?.delete(id);
      if (set?.size === 0) idx.ids.delete(k);
    }
    if (value === undefined) {
      idx.keysById.delete(id);
      return;
    }
    const keys = idx.keysOf(value);
    idx.keysById.set(id, keys);
    for (const k of keys) {
      let set = idx.ids.get(k);
      if (!set) idx.ids.set(k, (set = new Set()));
      set.add(id);
    }
  }

  private reindex(id: string, value: T | undefined): void {
    for (const idx of this.indexes.values()) this.indexOne(idx, id, value);
  }

  /**
   * Reads and writes one record atomically: `fn` runs synchronously before lowdb's update, with no
   * await in between, so two concurrent mutations of one record never interleave. Returning no value
   * leaves the record unchanged and writes nothing.
   */
  async mutate<R>(id: string, fn: (current: T | undefined) => { value?: T; result: R }): Promise<R> {
    const out = fn(this.get(id));
    if (out.value !== undefined) await this.commit(this.ensure(id), id, out.value);
    return out.result;
  }

  /** Stores many records with one write per shard they land in (bulk loads, benchmarks). */
  async putMany(records: Iterable<[string, T]>): Promise<void> {
    const touched = new Set<Shard<T>>();
    const undo: [Shard<T>, string, boolean, T | undefined][] = [];
    for (const [id, value] of records) {
      const s = this.ensure(id);
      undo.push([s, id, Object.hasOwn(s.data, id), s.data[id]]);
      s.data[id] = value;
      this.touch(s, id);
      this.reindex(id, value);
      touched.add(s);
    }
    const outcomes = await Promise.allSettled([...touched].map((s) => s.write()));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) {
      for (const [s, id, had, before] of undo.reverse()) {
        if (had) s.data[id] = before as T;
        else delete s.data[id];
        this.touch(s, id);
        this.reindex(id, had ? before : undefined);
      }
      throw storageError(failed.reason);
    }
  }

  async delete(id: string): Promise<boolean> {
    const s = this.existing(id);
    if (!s || !Object.hasOwn(s.data, id)) return false;
    await this.commit(s, id, undefined);
    return true;
  }

  async clear(): Promise<void> {
    const before = this.created().map((s) => [s, { ...s.data }] as const);
    const outcomes = await Promise.allSettled(
      this.created().map((s) =>
        s.update((d) => {
          for (const k of Object.keys(d)) {
            this.touch(s, k);
            delete d[k];
          }
        }),
      ),
    );
    for (const idx of this.indexes.values()) {
      idx.ids.clear();
      idx.keysById.clear();
    }
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) {
      // a shard whose file still holds its records gets them back in memory (memory stays what the disk holds)
      outcomes.forEach((o, i) => {
        if (o.status === 'fulfilled') return;
        const [s, data] = before[i];
        for (const [k, v] of Object.entries(data)) s.data[k] = v;
      });
      for (const idx of this.indexes.values()) for (const sh of this.created()) for (const [id, v] of Object.entries(sh.data)) this.indexOne(idx, id, v);
      throw storageError(failed.reason);
    }
  }
}

/** One service's state: its collections under `<dataDir>/<service>/`, or in memory. */
export class Store {
  private readonly collections = new Map<string, Collection<unknown>>();

  constructor(
    readonly service: string,
    readonly dataDir: string | undefined,
  ) {}

  /** `shards > 1` declares a collection that grows with use; it is spread over SHARDS files. */
  async collection<T>(name: string, shards = 1): Promise<Collection<T>> {
    let c = this.collections.get(name) as Collection<T> | undefined;
    if (!c) {
      c = await Collection.open<T>(name, this.dataDir && path.join(this.dataDir, this.service), shards);
      this.collections.set(name, c as Collection<unknown>);
    }
    return c;
  }

  /** The collections opened so far. */
  opened(): Collection<unknown>[] {
    return [...this.collections.values()];
  }

  async clear(): Promise<void> {
    await Promise.all([...this.collections.values()].map((c) => c.clear()));
  }
}
