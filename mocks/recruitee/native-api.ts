/**
 * RecruiteePartnersApi: the native routes the bridge's result mapper calls, per environment
 * (RC under /rc/api, production under /api), authenticated by RT-PARTNER-SECRET [C]:
 *   PATCH {env}/p/{codename}/reports/{report_id}                               merge an update
 *   GET   {env}/p/{codename}/c/{company_id}/candidates/{candidate_id}/reports   list reports
 * Refusals [I]: 401 missing/unknown secret, 403 another partner's report or company, 404 unknown
 * partner or report, 422 a bad body (e.g. status "cancelled"), 400 malformed JSON.
 */
import { Router, type Request, type Response } from 'express';
import { ApiError } from '../../harness/errors.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { RecruiteeReportUpdate } from '../../schemas/generated/recruitee/report-update.ts';
import type { RecruiteeReportEnvelope } from '../../schemas/generated/recruitee/report.ts';
import type { RecruiteeReportList } from '../../schemas/generated/recruitee/reports-list.ts';
import { CODENAME_PATTERN, ENVS, ENV_NAME, ENV_PREFIX, type RecruiteeEnv } from './conventions.ts';
import { partnerKey, partners, type RecruiteePartner } from './partners.ts';
import { mergeReport, publicReport, reportBook } from './state.ts';
import { validNative } from './errors.ts';
import { clock } from '../../harness/clock.ts';
import { sameSecret } from '../../harness/signing.ts';

const SECRET_HEADER = 'rt-partner-secret';

async function authenticatePartner(ctx: EmulatorContext, env: RecruiteeEnv, req: Request, res: Response): Promise<RecruiteePartner> {
  res.locals.provider = 'recruitee';
  const codename = String(req.params.codename);
  if (!CODENAME_PATTERN.test(codename)) {
    throw new ApiError(404, 'NotFoundError', `Partner ${JSON.stringify(codename)} not found: a codename has only lowercase letters and dashes`);
  }
  const col = await partners(ctx);
  const partner = col.get(partnerKey(env, codename));
  if (!partner) {
    const other = ENVS.find((e) => e !== env && col.has(partnerKey(e, codename)));
    throw new ApiError(404, 'NotFoundError', `Partner ${JSON.stringify(codename)} not found on ${ENV_NAME[env]}${other ? `; it exists on ${ENV_NAME[other]} (${ENV_PREFIX[other]}): partners and their secrets are valid in one environment only` : ''}`);
  }
  const secret = req.header(SECRET_HEADER);
  if (!secret) {
    const hint = req.header('authorization') ? ' (the partner secret goes in RT-PARTNER-SECRET, not Authorization)' : '';
    throw new ApiError(401, 'UnauthorizedError', `Missing RT-PARTNER-SECRET header${hint}`);
  }
  if (!sameSecret(secret, partner.secret)) throw new ApiError(401, 'UnauthorizedError', `Invalid RT-PARTNER-SECRET for partner ${JSON.stringify(codename)} on ${ENV_NAME[env]}`);
  res.locals.accountId = ctx.account.id;
  return partner;
}

function envRoutes(ctx: EmulatorContext, env: RecruiteeEnv): Router {
  const r = Router();

  r.patch('/p/:codename/reports/:reportId', async (req, res) => {
    res.locals.hop = 'result-mapping';
    const partner = await authenticatePartner(ctx, env, req, res);
    const book = await reportBook(ctx);
    const id = String(req.params.reportId);
    const cur = book.get(id);
    if (!cur || cur.env !== env) throw new ApiError(404, 'NotFoundError', `Report ${JSON.stringify(id)} not found`);
    if (cur.codename !== partner.codename) throw new ApiError(403, 'ForbiddenError', `Report ${JSON.stringify(id)} belongs to another partner`);
    if (cur.orderId) res.locals.orderId = cur.orderId;
    const update = validNative<RecruiteeReportUpdate>(req, res, 'report-update');
    const at = clock.iso();
    const merged = await book.mutate(id, (c) => {
      if (!c) return { result: undefined };
      const { next, dropped } = mergeReport(c, update, at);
      return { value: next, result: { next, dropped } };
    });
    if (!merged) throw new ApiError(404, 'NotFoundError', `Report ${JSON.stringify(id)} not found`);
    if (merged.dropped.length) res.setHeader('x-sandbox-dropped-fields', merged.dropped.join(','));
    const body: RecruiteeReportEnvelope = { report: publicReport(merged.next) };
    res.json(body);
  });

  r.get('/p/:codename/c/:companyId/candidates/:candidateId/reports', async (req, res) => {
    res.locals.hop = 'reports-list';
    const partner = await authenticatePartner(ctx, env, req, res);
    const companyId = Number(req.params.companyId);
    if (!partner.integratedCompanyIds.includes(companyId)) throw new ApiError(403, 'ForbiddenError', `Company ${JSON.stringify(req.params.companyId)} has not integrated ${partner.name}`);
    const candidateId = Number(req.params.candidateId);
    const book = await reportBook(ctx);
    const reports = book
      .lookup('candidate', `${companyId}:${candidateId}`)
      .filter((r) => r.env === env && r.codename === partner.codename)
      .sort((a, b) => a.created_at.localeCompare(b.created_at))
      .map(publicReport);
    const body: RecruiteeReportList = { reports };
    res.json(body);
  });
  return r;
}

export function recruiteePartnersApi(ctx: EmulatorContext): Router {
  const r = Router();
  for (const env of ENVS) r.use(ENV_PREFIX[env], envRoutes(ctx, env));
  return r;
}
