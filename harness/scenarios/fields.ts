/**
 * Field paths and matchers of scenario expectations, each able to explain itself.
 * Paths: `a.b[0].c`, `list[*].id` (any element), `fields[label=Notes].value` (elements whose label
 * is Notes), `results.length`. A matcher is a plain value (equality) or an object of tests that must
 * all hold: equals, contains, matches, exists, oneOf, not, min, max, length.
 */
import { isDeepStrictEqual } from 'node:util';
import type { CountMatch, FieldMatchers, Matcher } from '../../schemas/generated/sandbox/scenario.ts';

export type { CountMatch, FieldMatchers, Matcher };

type Token = { key: string } | { index: number } | { any: true } | { where: [string, string] };

function parsePath(path: string): Token[] {
  const out: Token[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push({ key: m[1] });
    else if (m[2] === '*') out.push({ any: true });
    else if (/^\d+$/.test(m[2])) out.push({ index: Number(m[2]) });
    else if (m[2].includes('=')) {
      const i = m[2].indexOf('=');
      out.push({ where: [m[2].slice(0, i), m[2].slice(i + 1)] });
    } else out.push({ key: m[2] });
  }
  return out;
}

/** Every value the path reaches (several through [*] or [k=v]); [] when it reaches none. */
export function valuesAt(root: unknown, path: string): unknown[] {
  if (path === '' || path === '.') return [root];
  let cur: unknown[] = [root];
  for (const t of parsePath(path)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ('key' in t) {
        if (t.key === 'length' && (Array.isArray(v) || typeof v === 'string')) next.push(v.length);
        else if (v && typeof v === 'object' && t.key in (v as object)) next.push((v as Record<string, unknown>)[t.key]);
      } else if ('index' in t) {
        if (Array.isArray(v) && t.index < v.length) next.push(v[t.index]);
      } else if ('any' in t) {
        if (Array.isArray(v)) next.push(...v);
      } else if (Array.isArray(v)) {
        const [k, want] = t.where;
        next.push(...v.filter((x) => x && typeof x === 'object' && String((x as Record<string, unknown>)[k]) === want));
      }
    }
    cur = next;
  }
  return cur;
}

const isPlain = (m: Matcher): m is string | number | boolean | null => m === null || typeof m !== 'object';

export function countOk(c: CountMatch | undefined, n: number): boolean {
  if (c === undefined) return n >= 1;
  if (typeof c === 'number') return n === c;
  return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
}

export function explainCount(c: CountMatch | undefined): string {
  if (c === undefined) return 'at least one';
  if (typeof c === 'number') return c === 0 ? 'no' : `exactly ${c}`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min} to ${c.max}`;
  if (c.min !== undefined) return `at least ${c.min}`;
  if (c.max !== undefined) return `at most ${c.max}`;
  return 'any number of';
}

/** Does one value satisfy the matcher? (undefined stands for "absent") */
export function matches(m: Matcher, v: unknown): boolean {
  if (isPlain(m)) return isDeepStrictEqual(v, m);
  if ('equals' in m && !isDeepStrictEqual(v, m.equals)) return false;
  if (m.contains !== undefined && !(typeof v === 'string' ? v.includes(m.contains) : Array.isArray(v) ? v.includes(m.contains) : false)) return false;
  if (m.matches !== undefined && !(typeof v === 'string' && new RegExp(m.matches).test(v))) return false;
  if (m.exists !== undefined && (v !== undefined && v !== null) !== m.exists) return false;
  if (m.oneOf !== undefined && !m.oneOf.some((x) => isDeepStrictEqual(x, v))) return false;
  if (m.not !== undefined && matches(m.not, v)) return false;
  if (m.min !== undefined && !(typeof v === 'number' && v >= m.min)) return false;
  if (m.max !== undefined && !(typeof v === 'number' && v <= m.max)) return false;
  if (m.length !== undefined && !((Array.isArray(v) || typeof v === 'string') && countOk(m.length, v.length))) return false;
  return true;
}

/** Does the value at a path satisfy the matcher? With several values, any one will do; none is "absent". */
export function matchesAt(root: unknown, path: string, m: Matcher): boolean {
  const vs = valuesAt(root, path);
  return (vs.length ? vs : [undefined]).some((v) => matches(m, v));
}

export function explainMatcher(m: Matcher): string {
  if (isPlain(m)) return `is ${show(m)}`;
  const parts: string[] = [];
  if ('equals' in m) parts.push(`is ${show(m.equals)}`);
  if (m.contains !== undefined) parts.push(`contains ${show(m.contains)}`);
  if (m.matches !== undefined) parts.push(`matches /${m.matches}/`);
  if (m.exists !== undefined) parts.push(m.exists ? 'is present' : 'is absent');
  if (m.oneOf !== undefined) parts.push(`is one of ${m.oneOf.map(show).join(', ')}`);
  if (m.not !== undefined) parts.push(`not (${explainMatcher(m.not)})`);
  if (m.min !== undefined) parts.push(`is at least ${m.min}`);
  if (m.max !== undefined) parts.push(`is at most ${m.max}`);
  if (m.length !== undefined) parts.push(`has ${explainCount(m.length).replace(/^no$/, 'zero')} item(s)`);
  return parts.join(' and ');
}

export function explainFields(f: FieldMatchers, prefix = ''): string {
  return Object.entries(f)
    .map(([p, m]) => `${prefix}${p} ${explainMatcher(m)}`)
    .join(', ');
}

/** What the value at a path actually is, for a failure message. */
function actualAt(root: unknown, path: string): string {
  const vs = valuesAt(root, path);
  if (vs.length === 0) return 'absent';
  return vs.length === 1 ? show(vs[0]) : `[${vs.map(show).join(', ')}]`;
}

/** What a matcher wants, as the X of "expected X, got Y": "Completed", absent, text containing "x", ≥ 1 item(s). */
function expectedWords(m: Matcher): string {
  if (isPlain(m)) return show(m);
  const parts: string[] = [];
  if ('equals' in m) parts.push(show(m.equals));
  if (m.contains !== undefined) parts.push(`a value containing ${show(m.contains)}`);
  if (m.matches !== undefined) parts.push(`text matching /${m.matches}/`);
  if (m.exists !== undefined) parts.push(m.exists ? 'a value' : 'absent');
  if (m.oneOf !== undefined) parts.push(`one of ${m.oneOf.map(show).join(', ')}`);
  if (m.not !== undefined) parts.push(`not ${expectedWords(m.not)}`);
  if (m.min !== undefined) parts.push(`≥ ${m.min}`);
  if (m.max !== undefined) parts.push(`≤ ${m.max}`);
  if (m.length !== undefined) parts.push(`${explainCount(m.length).replace(/^no$/, 'zero')} item(s)`);
  return parts.join(' and ') || 'anything';
}

/** "path: expected X, got Y" */
export const expectedGot = (what: string, m: Matcher, actual: string): string => `${what}: expected ${expectedWords(m)}, got ${actual}`;

/** The fields that do not match, as "path: expected X, got Y" lines; [] when all match. */
export function mismatches(root: unknown, f: FieldMatchers, prefix = ''): string[] {
  return Object.entries(f)
    .filter(([p, m]) => !matchesAt(root, p, m))
    .map(([p, m]) => expectedGot(`${prefix}${p}`, m, actualAt(root, p)));
}

export function show(v: unknown): string {
  if (v === undefined) return 'absent';
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s.length > 300 ? `${s.slice(0, 297)}...` : s;
}
