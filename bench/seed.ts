/**
 * Grows the sandbox's state fast, in process: completed orders are cloned from real loops (every
 * record in every service's store that names a template order or its ATS-native id is copied with
 * fresh ids, so each service holds what it would after that many real loops), and the journal gets
 * entries cloned from real hops, appended the normal way.
 */
import type { Collection, Store } from '../harness/store/store.ts';
import type { Sandbox } from '../harness/sandbox.ts';
import type { JournalEntry } from '../harness/journal.ts';

export interface Template {
  orderId: string;
  /** the ATS's own id of the test, when it has one */
  nativeId?: string;
}

type AnyCollection = Collection<unknown>;

/** Every live collection of every service's store (the bench reaches into the stores: seeding is not a product feature). */
function liveCollections(sb: Sandbox): { service: string; coll: AnyCollection }[] {
  const stores: Store[] = [
    (sb.bridge as unknown as { opts: { store: Store } }).opts.store,
    ...Object.values(sb.emulators).map((e) => e.ctx.store),
    (sb.partner as unknown as { opts: { store: Store } }).opts.store,
  ];
  return stores.flatMap((s) => s.opened().map((coll) => ({ service: s.service, coll })));
}


type Swap = [from: string, to: string];

function rewrite(v: unknown, swaps: Swap[], nums: Map<number, number>): unknown {
  if (typeof v === 'string') {
    let s = v;
    for (const [a, b] of swaps) if (s.includes(a)) s = s.split(a).join(b);
    return s;
  }
  if (typeof v === 'number') return nums.get(v) ?? v;
  if (Array.isArray(v)) return v.map((x) => rewrite(x, swaps, nums));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [rewrite(k, swaps, nums) as string, rewrite(x, swaps, nums)]));
  return v;
}

/**
 * Adds `total` completed orders, spread evenly over the templates; returns the count added. Records
 * go straight into the shards' data and each shard is written once (a put per record would
 * stringify a growing shard 10,000 times).
 */
export async function seedOrders(sb: Sandbox, templates: Template[], total: number): Promise<number> {
  const per = Math.ceil(total / templates.length);
  const pending = new Map<Collection<unknown>, [string, unknown][]>();
  let added = 0;
  for (const [ti, t] of templates.entries()) {
    const needles = [t.orderId, ...(t.nativeId && t.nativeId.length >= 6 ? [t.nativeId] : [])];
    for (const { service, coll } of liveCollections(sb)) {
      const hits = coll.all().filter((r) => needles.some((n) => JSON.stringify(r).includes(n)));
      if (!hits.length) continue;
      for (let k = 0; k < per; k++) {
        const tag = `${ti}x${String(k).padStart(5, '0')}`;
        const swaps: Swap[] = [[t.orderId, `ord_seed${tag}${t.orderId.slice(4 + 8 + tag.length)}`]];
        const nums = new Map<number, number>();
        if (t.nativeId && t.nativeId.length >= 6) {
          const numeric = /^\d+$/.test(t.nativeId);
          const to = numeric ? String(Number(t.nativeId) + 1_000_000 * (ti + 1) + k + 1) : `${t.nativeId}-s${tag}`;
          swaps.push([t.nativeId, to]);
          if (numeric) nums.set(Number(t.nativeId), Number(to));
        }
        for (const r of hits) {
          const rec = r as Record<string, unknown>;
          const key = typeof rec.id === 'string' || typeof rec.id === 'number' ? String(rec.id) : undefined;
          const own: Swap[] = key && !needles.some((n) => key.includes(n)) ? [[key, `${key}_s${tag}`]] : [];
          const value = rewrite(r, [...swaps, ...own], nums) as Record<string, unknown>;
          if (value.id === undefined) continue;
          const id = String(value.id);
          if (!pending.has(coll)) pending.set(coll, []);
          pending.get(coll)!.push([id, value]);
        }
        if (service === 'bridge' && coll.name === 'orders') added++;
      }
    }
  }
  for (const [coll, records] of pending) await coll.putMany(records);
  return added;
}

/** Appends `count` journal entries cloned from `from` (real hops), the way services append them. */
export async function seedJournal(sb: Sandbox, from: JournalEntry[], count: number): Promise<void> {
  const base = from.length ? from : [{ service: 'bridge', direction: 'in', method: 'GET', url: '/accounts', status: 200, durationMs: 1 } as JournalEntry];
  // fresh strings for every entry (as real hops have), so the window's memory is not undercounted
  const own = (x: string | undefined) => (x === undefined ? undefined : Buffer.from(x).toString('utf8'));
  for (let i = 0; i < count; i++) {
    // the event loop is let go now and then: a blocked loop races keep-alive timers into ECONNRESET
    if (i % 2_000 === 0) await new Promise((r) => setImmediate(r));
    const { seq: _s, at: _a, ...e } = base[i % base.length];
    sb.journal.append({ ...e, url: own(e.url)!, requestBody: own(e.requestBody), responseBody: own(e.responseBody), requestHeaders: e.requestHeaders && Object.fromEntries(Object.entries(e.requestHeaders).map(([k, v]) => [k, own(v)!])), orderId: e.orderId ? `${e.orderId}_j${i}` : undefined });
  }
}
