/**
 * RecruiteeErrors: every refusal of the emulator as {"error": "..."} plus, for a refused body,
 * {"errors": [{"field": "/status", "message": "..."}]} [I: Recruitee documents no error body].
 */
import type { Request, Response } from 'express';
import { ApiError } from '../../harness/errors.ts';
import { recordVerdict, requireJson } from '../../harness/http/service-app.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import type { RecruiteeError } from '../../schemas/generated/recruitee/error.ts';

export function renderRecruiteeError(err: ApiError): { status?: number; body: RecruiteeError } {
  const body: RecruiteeError = { error: err.message };
  if (err.details?.length) body.errors = err.details.map((d) => ({ field: d.pointer || '/', message: d.message }));
  return { body };
}

/** Validates a native body, records the verdict on the hop, and refuses it with 422 naming each field. */
export function validNative<T>(req: Request, res: Response, name: string): T {
  requireJson(req);
  const schema = `recruitee/${name}`;
  const v = validate(schema, req.body ?? null);
  recordVerdict(res.locals, v);
  if (!v.valid) throw new ApiError(422, 'ValidationError', `Unprocessable report update: ${explainIssues(v.issues)}`, v.issues);
  return req.body as T;
}
