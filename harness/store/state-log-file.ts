/**
 * StateLogFile: the lowdb adapter behind every state file. lowdb's JSONFile rewrites the whole file
 * through a temp file and a rename on every write, and on ext4 a rename over an existing file costs
 * 0.2-0.5 ms (it forces the new data out first) against 0.006 ms for an append. So a write here
 * appends one JSON line per record that changed ({"k":id,"v":value}, or {"k":id,"d":1} when deleted);
 * the file is rewritten (temp file, then rename) only when the log has grown well past the live data,
 * or after a start that found something to tidy. Writes of one event-loop turn are coalesced, and
 * every caller is answered after the append that holds its change (so it survives kill -9). A last
 * line torn by a kill mid-append was never acknowledged: it is dropped on read. A file written by
 * lowdb's JSONFile (one JSON object) is read as it is and rewritten as a log on the first write.
 */
import type { Adapter } from 'lowdb';
import * as fs from 'node:fs';
import path from 'node:path';

/**
 * Every file operation the state files and the journal make goes through here: the one seam where
 * tests inject a full disk (ENOSPC) or a read-only folder (EACCES) without filling a real disk.
 */
export const fileOps = {
  openSync: fs.openSync,
  writeSync: fs.writeSync as (fd: number, data: string | Buffer, offset?: number) => number,
  closeSync: fs.closeSync,
  fsyncSync: fs.fsyncSync,
  ftruncateSync: fs.ftruncateSync,
  renameSync: fs.renameSync,
  mkdirSync: fs.mkdirSync,
  copyFileSync: fs.copyFileSync,
  chmodSync: fs.chmodSync,
};
const { existsSync, readFileSync } = fs;
const openSync = (file: string, flags: string, mode?: number): number => fileOps.openSync(file, flags, mode);
const writeSync = (fd: number, data: string | Buffer, offset?: number): number => fileOps.writeSync(fd, data, offset);
const closeSync = (fd: number): void => fileOps.closeSync(fd);
const fsyncSync = (fd: number): void => fileOps.fsyncSync(fd);
const renameSync = (a: string, b: string): void => fileOps.renameSync(a, b);
const mkdirSync = (dir: string, o: { recursive: true; mode?: number }): void => void fileOps.mkdirSync(dir, o);

/** State files and the journal hold tokens and keys: readable by their owner only. */
export const FILE_MODE = 0o600;

/** What start-up found and did about damaged or torn files (printed, and shown in GET /_sandbox/state). */
const notices: string[] = [];
export function storageNotice(text: string): void {
  notices.push(text);
  if (process.env.ATS_SANDBOX_QUIET !== '1') console.warn(`[storage] ${text}`);
}
export const storageNotices = (): readonly string[] => notices;

/**
 * Append handles kept open across writes (an open and a close per append cost more than the append),
 * the most recently used first to stay; a file's handle is dropped before the file is replaced.
 */
const MAX_OPEN_HANDLES = 512;
const handles = new Map<string, number>();

function handleOf(file: string): number {
  let fd = handles.get(file);
  if (fd === undefined) {
    if (handles.size >= MAX_OPEN_HANDLES) {
      const [oldest, oldFd] = handles.entries().next().value as [string, number];
      handles.delete(oldest);
      closeSync(oldFd);
    }
    fd = openSync(file, 'a', FILE_MODE);
  } else handles.delete(file);
  handles.set(file, fd);
  return fd;
}

function dropHandle(file: string): void {
  const fd = handles.get(file);
  if (fd === undefined) return;
  handles.delete(file);
  closeSync(fd);
}

/** write(2) until every byte of `text` is written (a regular file takes it whole, but may not). */
export function writeAll(fd: number, text: string): void {
  const n = writeSync(fd, text);
  const bytes = Buffer.byteLength(text);
  if (n === bytes) return;
  const buf = Buffer.from(text);
  for (let off = n; off < bytes; ) off += writeSync(fd, buf.subarray(off));
}

/** Closes the append handles of the state files under a directory (a sandbox closing). */
export function closeStateHandles(dir: string): void {
  for (const file of [...handles.keys()]) if (file.startsWith(dir + path.sep)) dropHandle(file);
}

type Data<T> = Record<string, T>;

export const STATE_LOG_HEADER = '{"ats-sandbox":"state-log","v":1}';

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * The records a state file holds. `torn` says the last line was cut by a kill during an append (that
 * write was never acknowledged); `damaged` lists other unreadable lines (1-based), which are left out.
 * A lowdb JSON object is read too; one that does not parse is damaged as a whole (line 1).
 */
export function parseStateFile<T>(text: string): { data: Data<T>; log: boolean; torn: boolean; damaged: { line: number; message: string }[] } {
  // a kill while a new file's first append was under way: nothing in it was acknowledged
  if (text.length < STATE_LOG_HEADER.length + 1 && `${STATE_LOG_HEADER}\n`.startsWith(text) && text) return { data: {}, log: true, torn: true, damaged: [] };
  if (!text.startsWith(STATE_LOG_HEADER)) {
    if (!text.trim()) return { data: {}, log: false, torn: false, damaged: [] };
    try {
      const whole = JSON.parse(text) as unknown;
      if (whole && typeof whole === 'object' && !Array.isArray(whole)) return { data: whole as Data<T>, log: false, torn: false, damaged: [] };
      return { data: {}, log: false, torn: false, damaged: [{ line: 1, message: 'is not a JSON object' }] };
    } catch (err) {
      return { data: {}, log: false, torn: false, damaged: [{ line: 1, message: `is not JSON: ${(err as Error).message}` }] };
    }
  }
  const data: Data<T> = {};
  const lines = text.split('\n');
  let torn = false;
  const damaged: { line: number; message: string }[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    let e: { k: string; v?: T; d?: 1 };
    try {
      e = JSON.parse(lines[i]);
    } catch (err) {
      if (i === lines.length - 1) {
        torn = true;
        continue;
      }
      damaged.push({ line: i + 1, message: `is not JSON: ${(err as Error).message}` });
      continue;
    }
    if (!e || typeof e !== 'object' || typeof e.k !== 'string') {
      damaged.push({ line: i + 1, message: 'is not a state record ({"k":…,"v":…})' });
      continue;
    }
    if (e.d) delete data[e.k];
    else data[e.k] = e.v as T;
  }
  return { data, log: true, torn, damaged };
}

export class StateLogFile<T> implements Adapter<Data<T>> {
  private latest: Data<T> | undefined;
  private readonly dirty = new Set<string>();
  /** undefined until the file was read or first written: then whether it must be rewritten whole */
  private rewriteAll: boolean | undefined;
  /** the file does not exist yet: the first append creates it, header first (no temp file, no rename) */
  private fresh = false;
  private waiters: Waiter[] = [];
  private scheduled = false;
  private logBytes = 0;
  private liveBytes = 0;
  private readonly sizes = new Map<string, number>();
  private readonly tmp: string;

  constructor(private readonly filename: string) {
    this.tmp = path.join(path.dirname(filename), `.${path.basename(filename)}.tmp`);
  }

  /** Marks a record as changed (or deleted): the next write appends it. */
  touched(id: string): void {
    this.dirty.add(id);
  }

  async read(): Promise<Data<T> | null> {
    if (!existsSync(this.filename)) {
      this.rewriteAll = false;
      this.fresh = true;
      return null;
    }
    const text = readFileSync(this.filename, 'utf8');
    const { data, log, torn, damaged } = parseStateFile<T>(text);
    this.logBytes = Buffer.byteLength(text);
    this.liveBytes = this.logBytes;
    this.rewriteAll = !log || torn || damaged.length > 0;
    try {
      fileOps.chmodSync(this.filename, FILE_MODE);
    } catch {
      /* not ours to change: left as it is */
    }
    if (damaged.length) {
      // the damaged file is kept as it was, beside the good records, and they are written back at once
      const aside = `${this.filename}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      const kept = Object.keys(data).length;
      const what = damaged.map((d) => `line ${d.line} ${d.message}`).join('; ');
      try {
        fileOps.copyFileSync(this.filename, aside);
        fileOps.chmodSync(aside, FILE_MODE);
        this.rewrite(data);
        storageNotice(`${this.filename}: ${what}. The file was set aside as ${path.basename(aside)}; started with the ${kept} good record(s) it held.`);
      } catch (e) {
        // the folder cannot be written: the good records are served, the file is rewritten at the next write
        storageNotice(`${this.filename}: ${what}. Started with the ${kept} good record(s) it held; the file could not be set aside (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
      }
    } else if (torn) {
      storageNotice(`${this.filename}: dropped a torn last line (a write cut short by a stop or a kill, never acknowledged).`);
    }
    return data;
  }

  write(data: Data<T>): Promise<void> {
    this.latest = data;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return done;
  }

  private flush(): void {
    this.scheduled = false;
    const waiters = this.waiters;
    this.waiters = [];
    let error: unknown;
    try {
      const data = this.latest ?? {};
      if (this.rewriteAll === undefined) {
        // never read: a new shard, whose file does not exist yet (or, unexpectedly, does: then rewrite it)
        this.fresh = !existsSync(this.filename);
        this.rewriteAll = !this.fresh;
      }
      if (this.rewriteAll || this.logBytes > 2 * this.liveBytes + 64 * 1024) this.rewrite(data);
      else if (this.dirty.size) this.append(data);
      this.dirty.clear();
    } catch (e) {
      error = e;
      // whatever part of an append reached the file is not trusted: the next write rewrites it whole
      // (temp file, then rename), so a later append never follows a half-written line
      this.rewriteAll = true;
      this.sizes.clear();
    }
    for (const w of waiters) (error === undefined ? w.resolve() : w.reject(error));
  }

  private line(k: string, data: Data<T>): string {
    const text = Object.hasOwn(data, k) ? JSON.stringify({ k, v: data[k] }) : JSON.stringify({ k, d: 1 });
    const size = Object.hasOwn(data, k) ? Buffer.byteLength(text) + 1 : 0;
    this.liveBytes += size - (this.sizes.get(k) ?? 0);
    if (size) this.sizes.set(k, size);
    else this.sizes.delete(k);
    return text;
  }

  private append(data: Data<T>): void {
    // a new file gets the header and every record in its first append; a kill during it leaves a torn
    // last line or a torn header, both read as "never acknowledged"
    const keys = this.fresh ? Object.keys(data) : [...this.dirty];
    const head = this.fresh ? `${STATE_LOG_HEADER}\n` : '';
    if (this.fresh) mkdirSync(path.dirname(this.filename), { recursive: true, mode: 0o700 });
    const text = `${head}${keys.map((k) => this.line(k, data)).join('\n')}\n`;
    const fd = handleOf(this.filename);
    try {
      writeAll(fd, text);
    } catch (e) {
      // part of it may have reached the file (whole lines of records nobody was told are saved): cut
      // the file back to what was acknowledged; if even that fails, the next write rewrites it whole
      try {
        fileOps.ftruncateSync(fd, this.fresh ? 0 : this.logBytes);
      } catch {
        /* rewriteAll (set by flush) covers it */
      }
      throw e;
    }
    this.fresh = false;
    this.logBytes += Buffer.byteLength(text);
  }

  /** The whole shard as a fresh log, atomically: temp file, then rename. */
  private rewrite(data: Data<T>): void {
    this.sizes.clear();
    this.liveBytes = 0;
    const lines = Object.keys(data).map((k) => this.line(k, data));
    const text = `${STATE_LOG_HEADER}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
    mkdirSync(path.dirname(this.filename), { recursive: true, mode: 0o700 });
    const fd = openSync(this.tmp, 'w', FILE_MODE);
    try {
      writeAll(fd, text);
      if (process.env.ATS_SANDBOX_FSYNC === '1') fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    dropHandle(this.filename);
    renameSync(this.tmp, this.filename);
    this.logBytes = Buffer.byteLength(text);
    this.rewriteAll = false;
    this.fresh = false;
  }
}
