/** Validates a request body against its schema, records the verdict on the hop, and refuses it with every issue named. */
import { ApiError } from '../errors.ts';
import { recordVerdict, requireJson } from '../http/service-app.ts';
import type { HopLocals, HopRequest } from '../http/direct-routes.ts';
import { explainIssues, validate } from '../schemas/registry.ts';

/** The parsed JSON body of a write: 415 for another content type, 400 when there is none. */
export function requireBody(req: Pick<HopRequest, 'body' | 'rawBody' | 'headers'>): unknown {
  requireJson(req);
  if (req.body === undefined) {
    throw ApiError.validation('Validation failed: a JSON body is required', [{ pointer: '', message: 'is required', expected: 'a JSON object', actual: 'no body' }]);
  }
  return req.body;
}

export function validBody<T>(req: Pick<HopRequest, 'body' | 'rawBody' | 'headers'>, res: { locals: HopLocals }, schema: string): T {
  const body = requireBody(req);
  const v = validate(schema, body);
  recordVerdict(res.locals, v);
  if (!v.valid) throw ApiError.validation(`Validation failed: ${explainIssues(v.issues)}`, v.issues);
  return body as T;
}
