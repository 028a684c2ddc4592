/**
 * Teamtailor's Partner Results resource, the API the bridge's result mapper writes to:
 *   GET/POST /partner/v1/partner-results, GET/PUT/DELETE /partner/v1/partner-results/{id}
 * Checks, in order: the partner API key (Authorization: Bearer or Token), X-Api-Version 20180828
 * (required, echoed), the JSON:API content type, the record, then the attributes (status enum,
 * score 0..100, attachments exactly {url, description}, details depth <= 2, no candidate-id on
 * update). A refused call changes nothing. Repeated updates are allowed; any status may follow any status [I].
 */
import { Router, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { sameSecret } from '../../harness/signing.ts';
import { ApiError } from '../../harness/errors.ts';
import { validate } from '../../harness/schemas/registry.ts';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';
import type { TeamtailorPartnerResultData } from '../../schemas/generated/teamtailor/common.ts';
import type { TeamtailorPartnerResultUpdate } from '../../schemas/generated/teamtailor/partner-result-update.ts';
import type { TeamtailorPartnerResultCreate } from '../../schemas/generated/teamtailor/partner-result-create.ts';
import type { TeamtailorPartnerResultList } from '../../schemas/generated/teamtailor/partner-result-list.ts';
import { instance, partnerResults, type PartnerResultAttributes, type PartnerResultRecord } from './state.ts';
import { resultIssues } from './result-checks.ts';
import { clock } from '../../harness/clock.ts';
import { recordVerdict } from '../../harness/http/service-app.ts';

const API_VERSION = '20180828';
export const JSON_API = 'application/vnd.api+json';
const BASE = '/partner/v1/partner-results';

function authorised(ctx: EmulatorContext, header: string | undefined): boolean {
  const m = /^(?:Bearer|Token)\s+(?:token=)?"?([^"\s]+)"?\s*$/i.exec(header ?? '');
  const key = ctx.account.native.partnerApiKey ?? '';
  if (!m || !key) return false;
  return sameSecret(m[1], key);
}

function guard(ctx: EmulatorContext) {
  return (req: Request, res: Response, next: () => void) => {
    res.locals.provider = 'teamtailor';
    res.locals.hop = req.method === 'PUT' || req.method === 'PATCH' ? 'result-mapping' : 'partner-results';
    if (!authorised(ctx, req.header('authorization'))) {
      throw new ApiError(401, 'UnauthorizedError', 'Invalid API key: send the partner API key from Integrations Hub → Show Details as "Authorization: Bearer <key>" or "Token <key>"');
    }
    const version = req.header('x-api-version');
    if (!version) throw new ApiError(instance(ctx).settings.missingApiVersionStatus, 'ValidationError', `Missing X-Api-Version header: send X-Api-Version: ${API_VERSION}`);
    if (version !== API_VERSION) throw new ApiError(400, 'ValidationError', `Unsupported X-Api-Version ${JSON.stringify(version)}: the Partner API speaks ${API_VERSION}`);
    res.setHeader('X-Api-Version', API_VERSION);
    next();
  };
}

function requireJsonApi(ctx: EmulatorContext, req: Request): void {
  const ok = req.is(JSON_API) || (instance(ctx).settings.acceptPlainJson && req.is('application/json'));
  if (!ok) throw new ApiError(415, 'UnsupportedMediaTypeError', `Content-Type must be ${JSON_API}, got ${req.headers['content-type'] ?? 'none'}`);
  if (req.body === undefined) throw new ApiError(400, 'ValidationError', 'The request has no body: send a JSON:API document {"data": {...}}');
}

const depth = (v: unknown): number => (v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as object).map(depth)) : 0);

/** Schema verdict (recorded on the hop) plus the rules a schema words badly; throws 422 when anything is wrong. */
function checkBody(res: Response, schema: string, body: unknown, extra: FieldIssue[]): void {
  const v = validate(schema, body);
  recordVerdict(res.locals, v);
  const attrs = (body as { data?: { attributes?: Record<string, unknown> } })?.data?.attributes;
  const issues = [...extra];
  const details = attrs?.details;
  if (details && typeof details === 'object' && depth(details) > 2) {
    issues.push({ pointer: '/data/attributes/details', message: 'must be at most 2 levels deep', expected: 'an object of values or of objects of values', actual: `${depth(details)} levels` });
  }
  const covered = (p: string) => issues.some((i) => p === i.pointer || p.startsWith(`${i.pointer}/`));
  issues.push(...v.issues.filter((i) => !covered(i.pointer)));
  if (issues.length) throw new ApiError(422, 'ValidationError', `Invalid partner-result: ${issues.map((i) => `${i.pointer} ${i.message}`).join('; ')}`, issues);
}

/** Write-side attributes as stored: duration in seconds, assessment merged key by key. */
function merge(cur: PartnerResultAttributes, attrs: Record<string, unknown>): PartnerResultAttributes {
  const next = { ...cur, ...attrs } as PartnerResultAttributes & Record<string, unknown>;
  if (attrs.assessment && typeof attrs.assessment === 'object') {
    const a = attrs.assessment as { duration?: unknown };
    const duration = typeof a.duration === 'string' ? a.duration.split(':').reduce((s, p) => s * 60 + Number(p), 0) : a.duration;
    next.assessment = { ...cur.assessment, ...(attrs.assessment as object), ...(a.duration !== undefined ? { duration: duration as number | null } : {}) };
  }
  return next;
}

function resource(ctx: EmulatorContext, r: PartnerResultRecord): TeamtailorPartnerResultData {
  return {
    id: r.id,
    type: 'partner-results',
    links: { self: `${ctx.selfUrl()}${BASE}/${r.id}` },
    attributes: { ...r.attributes, 'created-at': r.createdAt, 'updated-at': r.updatedAt },
  };
}

export function partnerResultsApi(ctx: EmulatorContext): Router {
  const r = Router();
  r.use('/partner/v1', guard(ctx));

  const find = async (id: string): Promise<PartnerResultRecord> => {
    const rec = (await partnerResults(ctx)).get(id);
    if (!rec) throw new ApiError(404, 'NotFoundError', `No partner-result with id ${JSON.stringify(id)}`);
    return rec;
  };

  r.get(BASE, async (req, res) => {
    const all = (await partnerResults(ctx)).all().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const size = Math.min(30, Math.max(1, Number(req.query['page[size]']) || 10));
    const pages = Math.max(1, Math.ceil(all.length / size));
    const page = Math.min(pages, Math.max(1, Number(req.query['page[number]']) || 1));
    const link = (n: number) => `${ctx.selfUrl()}${BASE}?page%5Bnumber%5D=${n}&page%5Bsize%5D=${size}`;
    const body: TeamtailorPartnerResultList = {
      data: all.slice((page - 1) * size, page * size).map((x) => resource(ctx, x)),
      meta: { 'record-count': all.length, 'page-count': pages },
      links: { first: link(1), last: link(pages), ...(page > 1 ? { prev: link(page - 1) } : {}), ...(page < pages ? { next: link(page + 1) } : {}) },
    };
    res.type(JSON_API).json(body);
  });

  r.get(`${BASE}/:id`, async (req, res) => {
    res.type(JSON_API).json({ data: resource(ctx, await find(req.params.id)) });
  });

  r.post(BASE, async (req, res) => {
    requireJsonApi(ctx, req);
    checkBody(res, 'teamtailor/partner-result-create', req.body, resultIssues(ctx, 'assessment', (req.body as { data?: { attributes?: unknown } })?.data?.attributes));
    const attrs = (req.body as TeamtailorPartnerResultCreate).data.attributes;
    const cand = ctx.world.candidates.find((c) => c.number === attrs['candidate-id']);
    if (!cand) {
      throw new ApiError(422, 'ValidationError', 'candidate-id names no candidate of this company', [
        { pointer: '/data/attributes/candidate-id', message: 'names no candidate of this company', expected: ctx.world.candidates.map((c) => c.number), actual: attrs['candidate-id'] },
      ]);
    }
    const now = clock.iso();
    const rec: PartnerResultRecord = { id: randomUUID(), partner: 'assessment', candidateId: cand.id, attributes: merge({ status: attrs.status, 'candidate-id': attrs['candidate-id'] }, attrs), createdAt: now, updatedAt: now };
    await (await partnerResults(ctx)).put(rec.id, rec);
    res.status(201).type(JSON_API).json({ data: resource(ctx, rec) });
  });

  const update = async (req: Request, res: Response) => {
    requireJsonApi(ctx, req);
    const cur = await find(String(req.params.id));
    res.locals.orderId = cur.orderId;
    const attrs = (req.body as { data?: { attributes?: Record<string, unknown> } })?.data?.attributes;
    const immutable: FieldIssue[] =
      attrs && typeof attrs === 'object' && 'candidate-id' in attrs
        ? [{ pointer: '/data/attributes/candidate-id', message: 'must not be sent on update (it is immutable)', expected: 'no candidate-id', actual: attrs['candidate-id'] }]
        : [];
    checkBody(res, 'teamtailor/partner-result-update', req.body, [...immutable, ...resultIssues(ctx, cur.partner, attrs)]);
    const body = req.body as TeamtailorPartnerResultUpdate;
    if (body.data.id !== undefined && body.data.id !== cur.id) {
      throw new ApiError(409, 'ConflictError', `data.id ${JSON.stringify(body.data.id)} does not match the URL's id ${cur.id}`, [
        { pointer: '/data/id', message: "does not match the URL's id", expected: cur.id, actual: body.data.id },
      ]);
    }
    const saved = await (await partnerResults(ctx)).mutate(cur.id, (c) => {
      if (!c) return { result: undefined };
      const value: PartnerResultRecord = { ...c, attributes: merge(c.attributes, body.data.attributes as Record<string, unknown>), updatedAt: clock.iso() };
      return { value, result: value };
    });
    if (!saved) throw new ApiError(404, 'NotFoundError', `No partner-result with id ${JSON.stringify(cur.id)}`);
    res.type(JSON_API).json({ data: resource(ctx, saved) });
  };
  r.put(`${BASE}/:id`, update);
  r.patch(`${BASE}/:id`, update);

  r.delete(`${BASE}/:id`, async (req, res) => {
    const rec = await find(req.params.id);
    await (await partnerResults(ctx)).delete(rec.id);
    res.status(204).end();
  });
  return r;
}
