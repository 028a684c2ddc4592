/**
 * RecruiteeReportBook: the reports Recruitee creates when a test is sent, and the partial,
 * repeatable merge of a partner's update into one [C: PATCH is partial and repeatable].
 */
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import type { RecruiteeReport } from '../../schemas/generated/recruitee/report.ts';
import type { RecruiteeReportUpdate } from '../../schemas/generated/recruitee/report-update.ts';
import type { RecruiteeEnv } from './conventions.ts';

export interface StoredReport extends RecruiteeReport {
  env: RecruiteeEnv;
  codename: string;
  kind: Category;
  sentBy: { id: string; name: string };
  orderId?: string;
  /** how many partner updates were merged */
  updates: number;
}

export const reportBook = async (ctx: EmulatorContext): Promise<Collection<StoredReport>> => (await ctx.store.collection<StoredReport>('reports', 8)).index('candidate', (r) => `${r.company_id}:${r.candidate_id}`);

/** The report as the Partners API shows it (no sandbox bookkeeping). */
export function publicReport(r: StoredReport): RecruiteeReport {
  const { env: _e, codename: _c, kind: _k, sentBy: _s, orderId: _o, updates: _u, ...rest } = r;
  return rest;
}

/** Fields this kind of partner may not set [C: subtitle/properties are for assessment partners only]. */
const droppedFor = (kind: Category): (keyof RecruiteeReportUpdate)[] => (kind === 'assessment' ? [] : ['subtitle', 'properties']);

export function mergeReport(cur: StoredReport, upd: RecruiteeReportUpdate, at: string): { next: StoredReport; dropped: string[] } {
  const next: StoredReport = { ...cur, urls: { ...cur.urls }, updated_at: at, updates: cur.updates + 1 };
  if (upd.status !== undefined) next.status = upd.status;
  if (upd.score !== undefined) next.score = upd.score;
  if (upd.completed_at !== undefined) next.completed_at = upd.completed_at;
  for (const [k, v] of Object.entries(upd.urls ?? {})) {
    if (v === null) delete next.urls[k];
    else next.urls[k] = v;
  }
  const dropped: string[] = [];
  const banned = droppedFor(cur.kind);
  for (const f of ['subtitle', 'properties'] as const) {
    if (upd[f] === undefined) continue;
    if (banned.includes(f)) dropped.push(f);
    else if (f === 'subtitle') next.subtitle = upd.subtitle;
    else next.properties = upd.properties;
  }
  return { next, dropped };
}
