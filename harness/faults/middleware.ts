/**
 * installFaults(): the fault hook every sandbox service gets from createServiceApp. It serves the
 * service's own /_sandbox/faults (GET list, POST add, DELETE all or one) and, before any route,
 * applies the first live rule matching the request: a status with a body, a delay, a malformed
 * body, or a dropped connection. A faulted hop says so in its journal entry (`error`).
 */
import express, { Router, type Express, type NextFunction, type Request, type Response } from 'express';
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

export const FAULTS_PATH = '/_sandbox/faults';
const CUT_JSON = '{"data": [{"id": "pkg_1", "name": "Trunc';

/** Services faults can target; the control plane is not one (its /_sandbox/faults routes reach the others by URL). */
const FAULTABLE = new Set<string>(FAULT_TARGETS);

export function installFaults(app: Express, service: string, journal: Journal): FaultRegistry | undefined {
  if (!FAULTABLE.has(service)) return undefined;
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
    apply(f, req, res, next, service, journal);
  });
  return registry;
}

function apply(f: ActiveFault, req: Request, res: Response, next: NextFunction, service: string, journal: Journal): void {
  const words = `injected fault ${f.id}: ${explainAction(f.action)}`;
  res.locals.fault = words;
  const a = f.action;
  switch (a.type) {
    case 'delay': {
      const t = setTimeout(next, a.ms);
      res.once('close', () => clearTimeout(t));
      return;
    }
    case 'status': {
      res.status(a.status);
      for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
      const body = a.body as unknown;
      if (body === undefined) return void res.end();
      if (typeof body === 'string') return void res.type(a.contentType ?? 'text/plain').send(body);
      res.type(a.contentType ?? 'application/json').send(JSON.stringify(body));
      return;
    }
    case 'malformed-body':
      res.status(a.status ?? 200).type(a.contentType ?? 'application/json').send(a.body ?? CUT_JSON);
      return;
    case 'reset':
      // no 'finish' comes for a destroyed socket: journal the hop here
      journal.append({ service, direction: 'in', method: req.method, url: req.originalUrl, status: 0, durationMs: 0, traceId: req.traceId, error: words });
      req.socket.destroy();
      return;
  }
}
