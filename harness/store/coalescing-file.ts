/**
 * A lowdb adapter that serialises a shard once per disk write, not once per update. lowdb's JSONFile
 * stringifies the whole shard on every write() call and only then lets steno drop the superseded
 * texts, so N concurrent updates of one shard cost N full JSON.stringify calls. Here a write() call
 * only marks the shard dirty; one loop stringifies the latest data when the disk is free, and every
 * caller is answered once a write that includes its change is on disk (so an acknowledged update
 * still survives kill -9). Compact JSON: these files are state, not documents.
 */
import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';

interface Waiter {
  gen: number;
  resolve: () => void;
  reject: (e: unknown) => void;
}

export class CoalescingJsonFile<T> implements Adapter<T> {
  private readonly file: TextFile;
  private latest: T | undefined;
  private gen = 0;
  private running = false;
  private waiters: Waiter[] = [];

  constructor(filename: string) {
    this.file = new TextFile(filename);
  }

  async read(): Promise<T | null> {
    const text = await this.file.read();
    return text === null ? null : (JSON.parse(text) as T);
  }

  write(data: T): Promise<void> {
    this.latest = data;
    const gen = ++this.gen;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ gen, resolve, reject }));
    if (!this.running) void this.loop();
    return done;
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.waiters.length) {
        const gen = this.gen;
        let error: unknown;
        try {
          await this.file.write(JSON.stringify(this.latest));
        } catch (e) {
          error = e;
        }
        const settled = this.waiters.filter((w) => w.gen <= gen);
        this.waiters = this.waiters.filter((w) => w.gen > gen);
        for (const w of settled) error === undefined ? w.resolve() : w.reject(error);
      }
    } finally {
      this.running = false;
    }
  }
}
