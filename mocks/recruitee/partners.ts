/**
 * RecruiteePartnerRegistry: the marketplace partners per environment (codename, kind, name, urls,
 * inputs, secret), seeded from the linked account, and the partners' URL set pointing at the bridge.
 */
import { recruiteeSettings } from './settings.ts';
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { Collection } from '../../harness/store/store.ts';
import { CODENAME_PATTERN, PARTNER_NAMES, codenameFor, envOfAccount, type RecruiteeEnv } from './conventions.ts';

export interface RecruiteePartner {
  env: RecruiteeEnv;
  codename: string;
  kind: Category;
  name: string;
  description: string;
  inputs: { kind: string; name: string; required: boolean }[];
  secret: string;
  /** the customer has integrated this partner for the company (pasted the token) */
  integratedCompanyIds: number[];
}

export const partnerKey = (env: RecruiteeEnv, codename: string): string => `${env}:${codename}`;

export const partners = (ctx: EmulatorContext): Promise<Collection<RecruiteePartner>> => ctx.store.collection<RecruiteePartner>('partners');

/** partner.urls: where Recruitee calls the partner (here: the bridge's external trigger for that kind). */
export function partnerUrls(ctx: EmulatorContext, p: RecruiteePartner): { tests: string; send_candidate: string } {
  const base = `${ctx.triggerUrl()}/${p.kind}`;
  return { tests: `${base}/tests`, send_candidate: `${base}/send_candidate` };
}

export async function seedPartners(ctx: EmulatorContext): Promise<void> {
  const col = await partners(ctx);
  const env = envOfAccount(ctx.account.native);
  const companyId = Number(ctx.account.native.companyId);
  for (const kind of ['assessment', 'background_check'] as const) {
    const codename = codenameFor(ctx.account.native.codename, kind);
    if (!CODENAME_PATTERN.test(codename)) throw new Error(`Recruitee partner codename ${JSON.stringify(codename)} is invalid: only lowercase letters and dashes`);
    const key = partnerKey(env, codename);
    if (col.has(key)) continue;
    await col.put(key, {
      env,
      codename,
      kind,
      name: PARTNER_NAMES[kind],
      description: `${PARTNER_NAMES[kind]} through StackOne`,
      inputs: ['first_name', 'last_name', 'email'].map((k) => ({ kind: k, name: k, required: true })),
      secret: ctx.account.native.partnerSecret,
      integratedCompanyIds: [companyId],
    });
  }
}

export async function partnerFor(ctx: EmulatorContext, kind: Category): Promise<RecruiteePartner | undefined> {
  // the customer has not enabled the app in the Marketplace (setting enabledApps)
  if (!recruiteeSettings(ctx).enabledApps.includes(kind)) return undefined;
  const col = await partners(ctx);
  const env = envOfAccount(ctx.account.native);
  const companyId = Number(ctx.account.native.companyId);
  return col.find((p) => p.env === env && p.kind === kind && p.integratedCompanyIds.includes(companyId));
}
