/**
 * installFaults(): the fault hook every sandbox service gets from createServiceApp. It serves the
 * service's own /_sandbox/faults (GET list, POST add, DELETE all or one) and, before any route,
 * applies the first live rule matching the request: a status with a body, a delay, a malformed
 * body, or a dropped connection. A faulted hop says so in its journal entry (`error`).
 */
import express, { Router, type Express, type NextFunction, type Request, type Response } from 'express';
import type { ServerResponse } from 'node:http';
import { withCharset } from '../http/direct-routes.ts';
import { ApiError } from '../errors.ts';
import type { Journal } from '../journal.ts';
import { explainAction, FAULT_TARGETS } from './definitions.ts';
import { checkFault, FaultRegistry, type ActiveFault } from './registry.ts';

declare module 'express-serve-static-core' {
  interface Locals {
    /** the injected fault that shaped this answer, in plain words */
    fault?: string;
  }
}

const FAULTS_PATH = '/_sandbox/faults';
const CUT_JSON = '{"data": [{"id": "pkg_1", "name": "Trunc';

/** Services faults can target; the control plane is not one (its /_sandbox/faults routes reach the others by URL). */

export function installFaults(app: Express, service: string, journal: Journal): FaultRegistry | undefined {
  if (!(FAULT_TARGETS as readonly string[]).includes(service)) return undefined;
  const registry = new FaultRegistry(service);
  app.locals.faults = registry;

  const api = Router();
  api.get(FAULTS_PATH, (_req, res) => {
    res.json(registry.list());
  });
  api.post(FAULTS_PATH, express.json({ limit: '256kb' }), (req, res) => {
    const rule = checkFault(req.body);
    if (rule.target !== service) {
      throw ApiError.validation(`This is the ${service} service: a fault for ${rule.target} belongs there (or POST it to the control plane)`, [
        { pointer: '/target', message: 'is another service', expected: service, actual: rule.target },
      ]);
    }
    res.status(201).json(registry.add(rule));
  });
  api.delete(FAULTS_PATH, (_req, res) => {
    res.json({ removed: registry.remove() });
  });
  api.delete(`${FAULTS_PATH}/:id`, (req, res) => {
    const removed = registry.remove(req.params.id);
    if (!removed) throw new ApiError(404, 'NotFoundError', `No fault ${JSON.stringify(req.params.id)} on ${service}`);
    res.json({ removed });
  });
  app.use(api);

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path === FAULTS_PATH || req.path.startsWith(`${FAULTS_PATH}/`)) return next();
    const f = registry.take(req.method, req.path);
    if (!f) return next();
    applyFault(f, { method: req.method, url: req.originalUrl, traceId: req.traceId }, res, res.locals, next, service, journal);
  });
  return registry;
}

/**
 * Shapes an answer by a fault rule, on the bare response (both the express routes and the direct
 * ones use it). `proceed` lets the request go on (after a delay). Returns the body it sent, if any.
 */
export function applyFault(
  f: ActiveFault,
  req: { method: string; url: string; traceId: string },
  res: ServerResponse,
  locals: { fault?: string },
  proceed: () => void,
  service: string,
  journal: Journal,
): string | undefined {
  const words = `injected fault ${f.id}: ${explainAction(f.action)}`;
  locals.fault = words;
  const a = f.action;
  const send = (status: number, contentType: string | undefined, body: string | undefined): string | undefined => {
    res.statusCode = status;
    if (contentType) res.setHeader('content-type', withCharset(contentType));
    res.end(body);
    return body;
  };
  switch (a.type) {
    case 'delay': {
      const t = setTimeout(proceed, a.ms);
      res.once('close', () => clearTimeout(t));
      return undefined;
    }
    case 'status': {
      for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
      const body = a.body as unknown;
      if (body === undefined) return send(a.status, undefined, undefined);
      if (typeof body === 'string') return send(a.status, a.contentType ?? 'text/plain', body);
      return send(a.status, a.contentType ?? 'application/json', JSON.stringify(body));
    }
    case 'malformed-body':
      return send(a.status ?? 200, a.contentType ?? 'application/json', a.body ?? CUT_JSON);
    case 'reset':
      // no 'finish' comes for a destroyed socket: journal the hop here
      journal.append({ service, direction: 'in', method: req.method, url: req.url, status: 0, durationMs: 0, traceId: req.traceId, error: words });
      res.socket?.destroy();
      return undefined;
  }
}
