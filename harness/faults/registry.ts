/**
 * FaultRegistry: the fault rules of one service. Each service has its own (its /_sandbox/faults
 * routes read and write it), so faults work the same whether the services share a process or not.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../errors.ts';
import { explainIssues, validate } from '../schemas/registry.ts';
import { completionOf, explainFault, routeMatcher, type FaultRule } from './definitions.ts';

/** A rule as the API shows it: the definition plus how often it fired and whether it is used up. */
export interface ActiveFault extends FaultRule {
  id: string;
  hits: number;
  exhausted: boolean;
  explanation: string;
}

interface Entry {
  rule: FaultRule & { id: string };
  hits: number;
  matches: (method: string, path: string) => boolean;
}

/** Validates a fault definition, naming every bad field. */
export function checkFault(value: unknown): FaultRule {
  const v = validate('sandbox/fault', value);
  if (!v.valid) throw ApiError.validation(`Invalid fault: ${explainIssues(v.issues)}`, v.issues);
  return value as FaultRule;
}

/** Fault rules one service holds at once unless configured (limits.maxFaultRules). */
const DEFAULT_MAX_FAULT_RULES = 100;

export class FaultRegistry {
  private readonly entries: Entry[] = [];
  maxRules = DEFAULT_MAX_FAULT_RULES;

  constructor(readonly service: string) {}

  add(rule: FaultRule): ActiveFault {
    if (this.entries.length >= this.maxRules) {
      throw new ApiError(429, 'TooManyRequestsError', `${this.service} already has ${this.entries.length} fault rules, the most it holds (limits.maxFaultRules = ${this.maxRules}): remove some (DELETE /_sandbox/faults) before adding more`);
    }
    const id = rule.id ?? `flt_${randomUUID().slice(0, 8)}`;
    if (this.entries.some((e) => e.rule.id === id)) throw new ApiError(409, 'ConflictError', `A fault with id ${JSON.stringify(id)} already exists on ${this.service}`);
    const entry: Entry = { rule: { ...rule, id }, hits: 0, matches: routeMatcher(rule.route) };
    this.entries.push(entry);
    return this.view(entry);
  }

  list(): ActiveFault[] {
    return this.entries.map((e) => this.view(e));
  }

  /** Removes one rule (true when it existed) or, without an id, every rule (their count). */
  remove(id?: string): number {
    if (id === undefined) return this.entries.splice(0).length;
    const i = this.entries.findIndex((e) => e.rule.id === id);
    if (i < 0) return 0;
    this.entries.splice(i, 1);
    return 1;
  }

  /** The first live rule for this request, counted as fired; undefined when none applies. */
  take(method: string, path: string): ActiveFault | undefined {
    const e = this.entries.find((x) => !completionOf(x.rule.times).isComplete(x.hits) && x.matches(method, path));
    if (!e) return undefined;
    e.hits++;
    return this.view(e);
  }

  private view(e: Entry): ActiveFault {
    return { ...e.rule, hits: e.hits, exhausted: completionOf(e.rule.times).isComplete(e.hits), explanation: explainFault(e.rule, e.hits) };
  }
}
