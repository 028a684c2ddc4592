/**
 * Teamtailor's rules on a partner-result write that a schema cannot state:
 * - `assessment-criteria[].id` must match an id in the config's `assessment-criteria` [C] (the config the
 *   partner answered when the form was opened, per partner kind; none seen → every id is unknown);
 * - scores are whole numbers 0..100 (`assessment.score`, criteria scores) [I: the docs give the range and
 *   the card reads "80 out of 100"; setting integerScores, default true].
 */
import type { Category, EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';
import { instance } from './state.ts';

const criteria = new WeakMap<EmulatorContext, Partial<Record<Category, string[]>>>();

/** Remembers the assessment criteria the partner's config offered for a partner kind. */
export function rememberCriteria(ctx: EmulatorContext, category: Category, config: unknown): void {
  const list = (config as { config?: { 'assessment-criteria'?: unknown } } | undefined)?.config?.['assessment-criteria'];
  const ids = Array.isArray(list) ? list.map((c) => (c as { id?: unknown })?.id).filter((id): id is string | number => typeof id === 'string' || typeof id === 'number').map(String) : [];
  criteria.set(ctx, { ...(criteria.get(ctx) ?? {}), [category]: ids });
}

export function resultIssues(ctx: EmulatorContext, category: Category, attrs: unknown): FieldIssue[] {
  if (!attrs || typeof attrs !== 'object') return [];
  const a = attrs as { assessment?: { score?: unknown }; 'assessment-criteria'?: unknown };
  const issues: FieldIssue[] = [];
  const whole = instance(ctx).settings.integerScores;
  if (whole && typeof a.assessment?.score === 'number' && !Number.isInteger(a.assessment.score)) {
    issues.push({ pointer: '/data/attributes/assessment/score', message: 'must be a whole number from 0 to 100', expected: 'integer 0..100', actual: a.assessment.score });
  }
  if (Array.isArray(a['assessment-criteria'])) {
    const known = criteria.get(ctx)?.[category] ?? [];
    a['assessment-criteria'].forEach((c, i) => {
      const id = (c as { id?: unknown })?.id;
      if ((typeof id === 'string' || typeof id === 'number') && !known.includes(String(id))) {
        issues.push({ pointer: `/data/attributes/assessment-criteria/${i}/id`, message: "must match an id in the config's assessment-criteria", expected: known, actual: id });
      }
      const score = (c as { score?: unknown })?.score;
      if (whole && typeof score === 'number' && !Number.isInteger(score)) {
        issues.push({ pointer: `/data/attributes/assessment-criteria/${i}/score`, message: 'must be a whole number from 0 to 100', expected: 'integer 0..100', actual: score });
      }
    });
  }
  return issues;
}
