/**
 * Fault rules as plain, serializable definitions (the same objects in scenario files, in
 * POST /_sandbox/faults and in TypeScript), each able to explain itself in plain words. The
 * middleware in ./middleware.ts applies them; nothing here touches a request.
 */
import type { FaultAction, FaultRoute, FaultRule } from '../../schemas/generated/sandbox/fault.ts';
import { FAULT_TARGETS as REGISTERED_FAULT_TARGETS } from '../ats/registry.ts';
import { compileRoute, faultPattern } from '../http/route-match.ts';

export type { FaultAction, FaultRoute, FaultRule };
export type FaultTarget = FaultRule['target'];
/** every service a fault can target (live: the registry's ATSs between the bridge and the partner) */
export const FAULT_TARGETS: readonly FaultTarget[] = REGISTERED_FAULT_TARGETS as FaultTarget[];

/** How many times a rule fires (mockttp's completion checkers): always, once, N times. */
export interface Completion {
  readonly limit: number | undefined;
  isComplete(hits: number): boolean;
  explain(hits: number): string;
}

export function completionOf(times: FaultRule['times']): Completion {
  const limit = times === undefined || times === 'always' ? undefined : times === 'once' ? 1 : times;
  if (limit === undefined) return { limit, isComplete: () => false, explain: (h) => `always (fired ${h} time${h === 1 ? '' : 's'} so far)` };
  const word = limit === 1 ? 'once' : `${limit} times`;
  return { limit, isComplete: (h) => h >= limit, explain: (h) => `${word} (${h >= limit ? 'used up' : `fired ${h} of ${limit}`})` };
}

export function explainAction(a: FaultAction): string {
  switch (a.type) {
    case 'status':
      return `answer HTTP ${a.status}${a.body !== undefined ? ` with ${typeof a.body === 'string' ? JSON.stringify(a.body) : JSON.stringify(a.body)}` : ''}`;
    case 'delay':
      return `wait ${a.ms} ms before answering as usual`;
    case 'malformed-body':
      return `answer HTTP ${a.status ?? 200} with a malformed ${a.contentType ?? 'application/json'} body`;
    case 'reset':
      return 'drop the connection without an answer';
  }
}

function explainRoute(r: FaultRoute): string {
  return `${!r.method || r.method === '*' ? 'any method' : r.method} ${r.path}`;
}

/** "partner: POST /packages/assessments → answer HTTP 500, once" */
export function explainFault(rule: FaultRule, hits = 0): string {
  return `${rule.target}: ${explainRoute(rule.route)} → ${explainAction(rule.action)}, ${completionOf(rule.times).explain(hits)}${rule.note ? ` — ${rule.note}` : ''}`;
}

/**
 * A compiled rule route: literal segments, :param or * for one segment, ** for the rest, matched by
 * the sandbox's one route matcher (letter case ignored and a trailing slash allowed, as express does).
 */
export function routeMatcher(route: FaultRoute): (method: string, path: string) => boolean {
  const want = (route.method ?? '*').toUpperCase();
  const matches = compileRoute(faultPattern(route.path));
  return (method, path) => {
    if (want !== '*' && want !== method.toUpperCase()) return false;
    try {
      return matches(path) !== undefined;
    } catch {
      return false; // a path whose params are not valid percent-encoding: the service refuses it with 400 itself
    }
  };
}
