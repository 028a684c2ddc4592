/**
 * The append-only journal of hops. Appending is O(1) whatever its size: entries go to a JSONL file,
 * one write(2) per event-loop turn (a kill -9 loses at most the turn it hits), and to a bounded
 * in-memory window that queries and the dashboard read. Bodies are capped and secrets masked before
 * anything is kept.
 */
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JournalEntry } from '../schemas/generated/sandbox/journal-entry.ts';
import { maskHeaders, maskUrl, redact } from './secrets.ts';
import { FILE_MODE, fileOps, storageNotice, writeAll } from './store/state-log-file.ts';
import { clock } from './clock.ts';

/** The journal could not write its file: it keeps going in memory, and says so. */
export interface JournalDegraded {
  at: string;
  code: string;
  message: string;
}

/** Size at which journal.jsonl is rotated (limits.journalMaxBytes); one older file is kept. */
const DEFAULT_JOURNAL_MAX_BYTES = 64 * 1024 * 1024;

export type { JournalEntry };
export type NewJournalEntry = Omit<JournalEntry, 'seq' | 'at'> & { at?: string };

export interface JournalQuery {
  /** only entries with seq greater than this */
  after?: number;
  limit?: number;
  service?: string;
  provider?: string;
  orderId?: string;
  traceId?: string;
  hop?: string;
}

const BODY_CAP = 16 * 1024;

function capBody(body: string | undefined): string | undefined {
  if (body === undefined || body === '') return undefined;
  const text = redact(body);
  return text.length > BODY_CAP ? `${text.slice(0, BODY_CAP)}… (${text.length} characters, cut)` : text;
}

export class Journal {
  private seq = 0;
  private readonly window: JournalEntry[] = [];
  /** entries of the window by trace id and by order id, oldest first: those queries cost their matches */
  private readonly byTrace = new Map<string, JournalEntry[]>();
  private readonly byOrder = new Map<string, JournalEntry[]>();
  private readonly listeners = new Set<(e: JournalEntry) => void>();
  private fd: number | undefined;
  private pending: string[] = [];
  private fileBytes = 0;
  /** set when the file could not be written: the journal then lives in memory only */
  degraded: JournalDegraded | undefined;

  /**
   * @param file JSONL file to append to; none keeps the journal in memory only. Numbering goes on
   * from the last entry the file holds (a restart does not start again at 1).
   */
  constructor(
    readonly file?: string,
    readonly windowSize = 5_000,
    readonly maxBytes = DEFAULT_JOURNAL_MAX_BYTES,
  ) {
    if (file) {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      const last = lastSeqOf(file);
      this.seq = last.seq;
      try {
        this.fd = fileOps.openSync(file, 'a', FILE_MODE);
        this.fileBytes = fstatSync(this.fd).size;
        fileOps.chmodSync(file, FILE_MODE);
        // the torn line is ended, so the next entry starts a line of its own
        if (last.torn) writeAll(this.fd, '\n');
      } catch (e) {
        this.degrade(e);
      }
    }
  }

  /** Stops writing the file after a failure; says so once on stderr and in the state (GET /_sandbox/state). */
  private degrade(e: unknown): void {
    const code = (e as NodeJS.ErrnoException)?.code ?? 'EIO';
    this.degraded = { at: clock.iso(), code, message: `The journal file ${this.file} could not be written (${code}: ${(e as Error)?.message}); the journal now lives in memory only (latest ${this.windowSize} entries) until the sandbox restarts.` };
    console.error(`[journal] ${this.degraded.message}`);
    if (this.fd !== undefined) {
      try {
        fileOps.closeSync(this.fd);
      } catch {
        /* already unusable */
      }
    }
    this.fd = undefined;
    this.pending = [];
  }

  append(entry: NewJournalEntry): JournalEntry {
    // one shape for every entry (fields left undefined are absent from its JSON)
    const full: JournalEntry = {
      seq: ++this.seq,
      at: entry.at ?? clock.iso(),
      service: entry.service,
      direction: entry.direction,
      peer: entry.peer,
      hop: entry.hop,
      method: entry.method,
      url: entry.url && maskUrl(entry.url),
      status: entry.status,
      error: entry.error && redact(entry.error),
      durationMs: entry.durationMs,
      traceId: entry.traceId,
      orderId: entry.orderId,
      provider: entry.provider,
      accountId: entry.accountId,
      requestHeaders: entry.requestHeaders && maskHeaders(entry.requestHeaders),
      requestBody: capBody(entry.requestBody),
      responseBody: capBody(entry.responseBody),
      verdicts: entry.verdicts,
      warnings: entry.warnings,
    };
    this.window.push(full);
    if (full.traceId) push(this.byTrace, full.traceId, full);
    if (full.orderId) push(this.byOrder, full.orderId, full);
    if (this.window.length > this.windowSize * 1.25) {
      for (const old of this.window.splice(0, this.window.length - this.windowSize)) {
        if (old.traceId) shift(this.byTrace, old.traceId, old);
        if (old.orderId) shift(this.byOrder, old.orderId, old);
      }
    }
    if (this.fd !== undefined) {
      this.pending.push(JSON.stringify(full));
      if (this.pending.length === 1) setImmediate(() => this.flush());
    }
    for (const l of this.listeners) l(full);
    return full;
  }

  /**
   * Writes the entries appended so far to the file. The entries of one event-loop turn are written
   * together, when the turn ends (one write(2), not one each); close() writes what is left.
   */
  flush(): void {
    if (this.fd === undefined || !this.pending.length) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    try {
      if (this.fileBytes > 0 && this.fileBytes + text.length > this.maxBytes) this.rotate();
      writeAll(this.fd, text);
      this.fileBytes += Buffer.byteLength(text);
    } catch (e) {
      // a full disk or a folder gone read-only never stops the sandbox: the journal goes on in memory
      this.degrade(e);
    }
  }

  /** journal.jsonl → journal.1.jsonl (the older one is replaced), and a new journal.jsonl. */
  private rotate(): void {
    const file = this.file!;
    fileOps.closeSync(this.fd!);
    this.fd = undefined;
    const ext = path.extname(file);
    fileOps.renameSync(file, `${file.slice(0, file.length - ext.length)}.1${ext}`);
    this.fd = fileOps.openSync(file, 'a', FILE_MODE);
    this.fileBytes = 0;
  }

  query(q: JournalQuery = {}): JournalEntry[] {
    const limit = Math.min(Math.max(q.limit ?? 500, 1), 5000);
    const out: JournalEntry[] = [];
    const source = q.traceId ? (this.byTrace.get(q.traceId) ?? []) : q.orderId ? (this.byOrder.get(q.orderId) ?? []) : this.window;
    // newest first while filtering, then reversed: the answer is the last `limit` matches in order
    for (let i = source.length - 1; i >= 0 && out.length < limit; i--) {
      const e = source[i];
      if (q.after !== undefined && e.seq <= q.after) break;
      if (q.service && e.service !== q.service) continue;
      if (q.provider && e.provider !== q.provider) continue;
      if (q.orderId && e.orderId !== q.orderId) continue;
      if (q.traceId && e.traceId !== q.traceId) continue;
      if (q.hop && e.hop !== q.hop) continue;
      out.push(e);
    }
    return out.reverse();
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** How many listeners (SSE subscribers, waiting send-test reports) are attached now. */
  get subscribers(): number {
    return this.listeners.size;
  }

  subscribe(listener: (e: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.window.length = 0;
    this.byTrace.clear();
    this.byOrder.clear();
  }

  /**
   * Follows a journal file that other processes append to (split mode): new lines are taken into
   * this journal's window, numbered in the order they are read. Returns a stop function.
   */
  follow(file: string, everyMs = 200): () => void {
    let offset = 0;
    let partial = '';
    const read = (): void => {
      let fd: number | undefined;
      try {
        fd = openSync(file, 'r');
        const size = fstatSync(fd).size;
        if (size < offset) offset = 0;
        if (size === offset) return;
        const buf = Buffer.alloc(size - offset);
        readSync(fd, buf, 0, buf.length, offset);
        offset = size;
        const lines = (partial + buf.toString('utf8')).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (!line) continue;
          try {
            const { seq: _s, ...e } = JSON.parse(line) as JournalEntry;
            this.append(e);
          } catch {
            /* a torn line: skip it */
          }
        }
      } catch {
        /* no file yet */
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
    };
    const timer = setInterval(read, everyMs);
    read();
    return () => clearInterval(timer);
  }

  close(): void {
    this.flush();
    if (this.fd !== undefined) fileOps.closeSync(this.fd);
    this.fd = undefined;
    this.listeners.clear();
  }
}

/**
 * The seq of the last entry a journal file holds (its tail is read, not the whole file), or of its
 * rotated predecessor. A torn last line (a kill mid-write) is skipped and reported.
 */
function lastSeqOf(file: string): { seq: number; torn: boolean } {
  const ext = path.extname(file);
  let torn = false;
  for (const f of [file, `${file.slice(0, file.length - ext.length)}.1${ext}`]) {
    if (!existsSync(f)) continue;
    const size = statSync(f).size;
    if (!size) continue;
    const fd = openSync(f, 'r');
    try {
      const len = Math.min(size, 256 * 1024);
      const buf = Buffer.alloc(len);
      readSync(fd, buf, 0, len, size - len);
      const lines = buf.toString('utf8').split('\n');
      if (lines.at(-1) !== '') {
        storageNotice(`${f}: dropped a torn last line (a write cut short by a stop or a kill).`);
        if (f === file) torn = true;
      }
      for (let i = lines.length - 1; i >= 0; i--) {
        if (!lines[i]) continue;
        try {
          const seq = (JSON.parse(lines[i]) as { seq?: unknown }).seq;
          if (typeof seq === 'number' && Number.isInteger(seq)) return { seq, torn };
        } catch {
          /* torn or damaged: look further back */
        }
      }
    } finally {
      closeSync(fd);
    }
  }
  return { seq: 0, torn };
}

function push(map: Map<string, JournalEntry[]>, key: string, e: JournalEntry): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function shift(map: Map<string, JournalEntry[]>, key: string, e: JournalEntry): void {
  const list = map.get(key);
  if (list?.[0] === e) list.shift();
  if (list?.length === 0) map.delete(key);
}
