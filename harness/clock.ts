/**
 * The sandbox's one clock (issue 16, ADR 014). Every timer, timestamp and date the sandbox makes goes
 * through `clock.*` below instead of setTimeout / Date.now() / new Date().
 *
 * Each sandbox (startSandbox) owns a SandboxClock and runs its servers inside it (AsyncLocalStorage),
 * so nested scenario sandboxes running side by side in one process each keep their own time, and in
 * split mode each process has its own (the control plane forwards clock commands to every service).
 *
 * Real time by default. `freeze(at)` stops time at `at`; `advance(d)` moves it forward, running every
 * timer that falls due in time order (each with the clock standing at its due time) and answers when
 * the work those timers started has finished; `resume()` lets time run on from where it stands.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface ClockTimer {
  readonly id: number;
  /** virtual ms since the epoch at which it runs */
  readonly due: number;
  readonly label: string;
}

interface Entry extends ClockTimer {
  fn: () => unknown;
  real?: ReturnType<typeof globalThis.setTimeout>;
}

export interface ClockState {
  /** real: time runs (possibly shifted by earlier advances); frozen: time stands still until advanced */
  mode: 'real' | 'frozen';
  now: string;
  /** virtual minus real time, in ms */
  offsetMs: number;
  /** timers waiting to run */
  pending: number;
  /** when the next one runs, and what it is */
  next?: { at: string; label: string };
}

export interface AdvanceReport extends ClockState {
  /** the timers run by this advance, in order, with the virtual time each ran at */
  ran: Array<{ at: string; label: string }>;
  /** real ms the advance took */
  tookMs: number;
}

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+$/;

/** "7d", "1h30m", "500ms", "2w" or a number of ms; undefined when it is none of those. */
export function parseDuration(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().replace(/\s+/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  if (!DURATION.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)) total += Number(m[1]) * UNITS[m[2]!]!;
  return total;
}

/** A safety net: an advance never runs more timers than this (a timer that re-arms itself at 0 ms). */
const MAX_RUNS_PER_ADVANCE = 100_000;

export class SandboxClock {
  private frozenAt: number | undefined;
  private offset = 0;
  private seq = 0;
  private readonly timers = new Map<number, Entry>();
  private readonly inflight = new Set<Promise<unknown>>();
  private advancing: Promise<unknown> = Promise.resolve();
  /** called after each change of the clock (freeze, advance, resume), for the journal */
  onChange?: (what: string, state: ClockState) => void;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  date(ms?: number): Date {
    return new Date(ms ?? this.now());
  }

  iso(): string {
    return this.date().toISOString();
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }

  /** Runs fn after ms of this clock's time; fn may return a promise (advance waits for it). */
  setTimeout(fn: () => unknown, ms: number, label = 'timer'): ClockTimer {
    const e: Entry = { id: ++this.seq, due: this.now() + Math.max(0, Number(ms) || 0), label, fn };
    this.timers.set(e.id, e);
    // a frozen clock still runs what is due at the time it stands at (a delivery "now"): time does not pass, work does not stall
    if (this.frozenAt === undefined || e.due <= this.frozenAt) this.arm(e);
    return e;
  }

  clearTimeout(t: ClockTimer | undefined): void {
    if (!t) return;
    const e = this.timers.get(t.id);
    if (!e) return;
    if (e.real) globalThis.clearTimeout(e.real);
    this.timers.delete(t.id);
  }

  /** A promise on this clock's time: resolves after ms (at once on advance), early when signal aborts. */
  sleep(ms: number, signal?: AbortSignal, label = 'sleep'): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        this.clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const t = this.setTimeout(done, ms, label);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  /** Stops time at `at` (default: now). Timers wait until the clock is advanced or resumed. */
  freeze(at?: string | number | Date): ClockState {
    const ms = at === undefined ? this.now() : at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
    if (!Number.isFinite(ms)) throw new RangeError(`not a date: ${String(at)}`);
    for (const e of this.timers.values()) if (e.due > ms) this.disarm(e);
    this.frozenAt = ms;
    this.changed(`frozen at ${new Date(ms).toISOString()}`);
    return this.state();
  }

  /** Lets time run again from where it stands; timers already due run at once. */
  resume(): ClockState {
    if (this.frozenAt !== undefined) {
      this.offset = this.frozenAt - Date.now();
      this.frozenAt = undefined;
      for (const e of this.timers.values()) this.arm(e);
    }
    this.changed('resumed');
    return this.state();
  }

  /** Back to real time with no offset and no timers (sandbox reset / close). */
  reset(): void {
    for (const e of this.timers.values()) this.disarm(e);
    this.timers.clear();
    this.frozenAt = undefined;
    this.offset = 0;
  }

  /**
   * Moves time forward by `by` ("7d", ms): runs each timer that falls due in time order with the clock
   * standing at its due time, waits for the work it started, and answers once nothing more falls due.
   * A running clock stays running (from the later time); a frozen one stays frozen. Advances queue.
   */
  advance(by: string | number): Promise<AdvanceReport> {
    const ms = parseDuration(by);
    if (ms === undefined) return Promise.reject(new RangeError(`not a duration: ${JSON.stringify(by)} (use e.g. "90s", "2h", "7d", "1h30m" or a number of ms)`));
    const run = this.advancing.then(() => this.runAdvance(ms));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  /** Moves time forward to `at` (ms since the epoch) when it is not there yet; see advance(). */
  advanceTo(at: number): Promise<AdvanceReport> {
    const run = this.advancing.then(() => this.runAdvance(Math.max(0, at - this.now())));
    this.advancing = run.catch(() => undefined);
    return run;
  }

  /** Runs everything already due (a frozen clock that is not moved), then answers. */
  runDue(): Promise<AdvanceReport> {
    return this.advance(0);
  }

  /** Tracks work a timer started, so that advance() waits for it. */
  track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const drop = () => this.inflight.delete(p);
    p.then(drop, drop);
    return p;
  }

  state(): ClockState {
    const next = [...this.timers.values()].sort((a, b) => a.due - b.due || a.id - b.id)[0];
    const now = this.now();
    return {
      mode: this.frozenAt === undefined ? 'real' : 'frozen',
      now: new Date(now).toISOString(),
      offsetMs: now - Date.now(),
      pending: this.timers.size,
      ...(next ? { next: { at: new Date(next.due).toISOString(), label: next.label } } : {}),
    };
  }

  /** Runs fn with this clock as the current one (its timers, its timestamps). */
  run<T>(fn: () => T): T {
    return storage.run(this, fn);
  }

  private async runAdvance(ms: number): Promise<AdvanceReport> {
    const t0 = Date.now();
    const wasRunning = this.frozenAt === undefined;
    if (wasRunning) this.freezeQuietly();
    const target = this.frozenAt! + ms;
    const ran: AdvanceReport['ran'] = [];
    await this.settle();
    for (let i = 0; i < MAX_RUNS_PER_ADVANCE; i++) {
      const next = this.nextDue(target);
      if (!next) {
        await this.settle();
        if (this.nextDue(target)) continue;
        break;
      }
      this.timers.delete(next.id);
      this.frozenAt = Math.max(this.frozenAt!, next.due);
      ran.push({ at: new Date(this.frozenAt).toISOString(), label: next.label });
      this.fire(next);
      await this.settle(true);
    }
    this.frozenAt = Math.max(this.frozenAt!, target);
    if (wasRunning) {
      this.offset = this.frozenAt - Date.now();
      this.frozenAt = undefined;
      for (const e of this.timers.values()) this.arm(e);
    }
    this.changed(`advanced ${ms} ms (${ran.length} timer${ran.length === 1 ? '' : 's'} ran)`);
    return { ...this.state(), ran, tookMs: Date.now() - t0 };
  }

  private freezeQuietly(): void {
    for (const e of this.timers.values()) this.disarm(e);
    this.frozenAt = this.now();
  }

  /** The timers in time order, sorted again only after one was added (an advance takes them from the front). */
  private ordered: Entry[] = [];
  private orderedSize = -1;
  private orderedSeq = -1;

  private nextDue(target: number): Entry | undefined {
    if (this.orderedSeq !== this.seq || this.orderedSize < 0) {
      this.ordered = [...this.timers.values()].sort((a, b) => b.due - a.due || b.id - a.id);
      this.orderedSeq = this.seq;
      this.orderedSize = this.ordered.length;
    }
    // the array is sorted latest first: the earliest live timer is at its end
    for (let e = this.ordered[this.ordered.length - 1]; e; e = this.ordered[this.ordered.length - 1]) {
      if (!this.timers.has(e.id)) {
        this.ordered.pop();
        continue;
      }
      return e.due <= target ? e : undefined;
    }
    return undefined;
  }

  /**
   * Waits until the work timers started is done and the event loop has had a turn (light: between two
   * timers) or a few, one of them a real millisecond (before the advance decides nothing more falls due).
   */
  private async settle(light = false): Promise<void> {
    if (light) {
      do {
        if (this.inflight.size) await Promise.allSettled([...this.inflight]);
        await new Promise((r) => setImmediate(r));
      } while (this.inflight.size);
      return;
    }
    for (let quiet = 0; quiet < 3; ) {
      if (this.inflight.size) {
        await Promise.allSettled([...this.inflight]);
        quiet = 0;
        continue;
      }
      // untracked follow-ups (an HTTP answer being written, a store flush) get a couple of real turns
      await new Promise((r) => (quiet === 0 ? globalThis.setTimeout(r, 1) : setImmediate(r)));
      quiet = this.inflight.size ? 0 : quiet + 1;
    }
  }

  private fire(e: Entry): void {
    this.timers.delete(e.id);
    try {
      const out = this.run(e.fn);
      if (out && typeof (out as Promise<unknown>).then === 'function') this.track(Promise.resolve(out as Promise<unknown>).catch(() => undefined));
    } catch (err) {
      console.error(`[clock] ${e.label}: ${(err as Error)?.message ?? String(err)}`);
    }
  }

  private arm(e: Entry): void {
    this.disarm(e);
    const wait = Math.max(0, e.due - this.now());
    // Node caps timers at 2^31-1 ms (24.8 days); longer ones re-arm when that cap elapses
    const capped = Math.min(wait, 2_147_483_000);
    e.real = globalThis.setTimeout(() => {
      e.real = undefined;
      if (!this.timers.has(e.id)) return;
      if (e.due > this.now()) return void (this.frozenAt === undefined && this.arm(e));
      this.fire(e);
    }, capped);
    e.real.unref?.();
  }

  private disarm(e: Entry): void {
    if (e.real) globalThis.clearTimeout(e.real);
    e.real = undefined;
  }

  private changed(what: string): void {
    try {
      this.onChange?.(what, this.state());
    } catch {
      /* the journal is best effort here */
    }
  }
}

const storage = new AsyncLocalStorage<SandboxClock>();

/** The clock of code running outside any sandbox (the CLI, tests' own code). */
const processClock = new SandboxClock();

/** The clock of the sandbox whose code is running now. */
export const currentClock = (): SandboxClock => storage.getStore() ?? processClock;

/** What the rest of the sandbox calls instead of Date.now(), new Date(), setTimeout and clearTimeout. */
export const clock = {
  now: (): number => currentClock().now(),
  date: (ms?: number): Date => currentClock().date(ms),
  iso: (): string => currentClock().iso(),
  setTimeout: (fn: () => unknown, ms: number, label?: string): ClockTimer => currentClock().setTimeout(fn, ms, label),
  clearTimeout: (t: ClockTimer | undefined): void => currentClock().clearTimeout(t),
  sleep: (ms: number, signal?: AbortSignal, label?: string): Promise<void> => currentClock().sleep(ms, signal, label),
};
