/** Validates a request body against its schema, records the verdict on the hop, and refuses it with every issue named. */
import { ApiError } from '../errors.ts';
import { requireJson } from '../http/service-app.ts';
import type { HopLocals, HopRequest } from '../http/direct-routes.ts';
import { explainIssues, validate } from '../schemas/registry.ts';

export function validBody<T>(req: Pick<HopRequest, 'body' | 'rawBody' | 'headers'>, res: { locals: HopLocals }, schema: string): T {
  requireJson(req);
  if (req.body === undefined) {
    throw ApiError.validation('Validation failed: a JSON body is required', [{ pointer: '', message: 'is required', expected: 'a JSON object', actual: 'no body' }]);
  }
  const v = validate(schema, req.body);
  (res.locals.verdicts ??= []).push({ schema, part: 'request', valid: v.valid, ...(v.valid ? {} : { issues: v.issues }) });
  if (!v.valid) throw ApiError.validation(`Validation failed: ${explainIssues(v.issues)}`, v.issues);
  return req.body as T;
}

/** A refused result update also says where the accepted shape is described (the seeds' "check Connector Meta"). */
export function withConnectorMetaHint<T>(provider: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'ValidationError' && e.details?.length) {
      throw new ApiError(e.status, e.code, `${e.message}. GET /connectors/meta/${provider} lists the result fields ${provider} accepts`, e.details);
    }
    throw e;
  }
}
