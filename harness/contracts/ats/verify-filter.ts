/**
 * The request filter of an ATS pact verification: puts the real secret-bearing headers (and form
 * fields) into each replayed request, then hands Pact's proxy the exact bytes to forward with a
 * matching Content-Length. Pact's proxy has parsed JSON and form bodies into objects; a form body
 * must go back out as a form (the proxy would send it as JSON otherwise).
 */
import type { NextFunction, Request, Response } from 'express';

export interface Rewrite {
  headers?: Record<string, string>;
  /** form fields to set (application/x-www-form-urlencoded bodies only) */
  form?: Record<string, string>;
}

const STATE_PATH = /^\/_pact|^\/_messages/;

function bytesOf(req: Request): Buffer {
  const b: unknown = req.body;
  if (Buffer.isBuffer(b)) return b;
  if (b === undefined || b === null) return Buffer.alloc(0);
  if (typeof b === 'object' && req.is('application/x-www-form-urlencoded')) return Buffer.from(new URLSearchParams(b as Record<string, string>).toString());
  if (typeof b === 'object' && Object.keys(b).length === 0 && !req.headers['content-type']) return Buffer.alloc(0);
  return Buffer.from(typeof b === 'string' ? b : JSON.stringify(b));
}

/** `rewrite` says what to set for a request (by path); undefined leaves it as the pact has it. */
export function atsRequestFilter(rewrite: (req: Request) => Promise<Rewrite | undefined> | Rewrite | undefined) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (STATE_PATH.test(req.path)) return next();
    Promise.resolve(rewrite(req))
      .then((r) => {
        for (const [k, v] of Object.entries(r?.headers ?? {})) req.headers[k.toLowerCase()] = v;
        if (r?.form && req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body)) Object.assign(req.body, r.form);
        const raw = bytesOf(req);
        req.body = raw;
        req.headers['content-length'] = String(raw.length);
        next();
      })
      .catch(next);
  };
}
