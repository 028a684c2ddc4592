/**
 * Generated bad input. `refuse` inputs must get a 4xx whatever the route (the body cannot be read
 * as the JSON object a route takes); `probe` inputs are well-formed JSON with wrong types, missing,
 * extra or huge fields and `__proto__` keys, which a route with a schema must refuse and a lenient
 * native API may accept, but never with a 5xx, a hang or a polluted prototype.
 */
export interface BadInput {
  name: string;
  kind: 'refuse' | 'probe';
  contentType?: string;
  body?: string;
  /** replaces the path (for GET and DELETE routes) */
  path?: string;
  query?: string;
}

const HUGE = 'x'.repeat(300_000);

export function refuseBodies(): BadInput[] {
  const deep = (n: number) => `{"a":${'['.repeat(n)}${']'.repeat(n)}}`;
  return [
    { name: 'malformed: truncated object', kind: 'refuse', body: '{"package": {"id": "pkg' },
    { name: 'malformed: trailing comma', kind: 'refuse', body: '{"a": 1,}' },
    { name: 'malformed: unclosed array', kind: 'refuse', body: '[1, 2' },
    { name: 'malformed: bare word', kind: 'refuse', body: 'nul' },
    { name: 'malformed: single quotes', kind: 'refuse', body: "{'a': 1}" },
    { name: 'wrong content type: text/plain', kind: 'refuse', contentType: 'text/plain', body: '{"a":1}' },
    { name: 'wrong content type: form', kind: 'refuse', contentType: 'application/x-www-form-urlencoded', body: 'a=1&b=2' },
    { name: 'wrong content type: xml', kind: 'refuse', contentType: 'application/xml', body: '<a>1</a>' },
    { name: 'oversized body (1.2 MB)', kind: 'refuse', body: JSON.stringify({ pad: 'x'.repeat(1_200_000) }) },
    { name: 'deep nesting (200 levels)', kind: 'refuse', body: deep(200) },
    ...(process.env.SOAK ? [{ name: 'deep nesting (100,000 levels)', kind: 'refuse' as const, body: deep(100_000) }] : [{ name: 'deep nesting (5,000 levels)', kind: 'refuse' as const, body: deep(5_000) }]),
    { name: 'not an object: number', kind: 'refuse', body: '42' },
    { name: 'not an object: string', kind: 'refuse', body: '"hello"' },
    { name: 'not an object: array', kind: 'refuse', body: '[]' },
    { name: 'not an object: boolean', kind: 'refuse', body: 'true' },
  ];
}

const WRONG: unknown[] = [12345, 'not-the-right-type', [], {}, true];
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Mutations of a valid body: each field of the wrong type, each field missing, an extra field, huge strings, `__proto__` keys. */
export function probeBodies(valid: unknown): BadInput[] {
  const out: BadInput[] = [];
  if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return out;
  const v = valid as Record<string, unknown>;
  for (const k of Object.keys(v)) {
    for (const w of WRONG) if (kindOf(w) !== kindOf(v[k])) out.push({ name: `wrong type: ${k} as ${kindOf(w)}`, kind: 'probe', body: JSON.stringify({ ...v, [k]: w }) });
    const { [k]: _gone, ...rest } = v;
    out.push({ name: `missing field: ${k}`, kind: 'probe', body: JSON.stringify(rest) });
  }
  // decoded leniently (U+FFFD), as most servers do: a probe, not a must-refuse
  out.push({ name: 'invalid UTF-8 in a string', kind: 'probe', body: `{"a":"${Buffer.from([0xc3, 0x28]).toString('latin1')}",${JSON.stringify(v).slice(1)}` });
  out.push({ name: 'extra field', kind: 'probe', body: JSON.stringify({ ...v, unexpected_field: { a: 1 } }) });
  out.push({ name: 'huge strings everywhere', kind: 'probe', body: JSON.stringify(mapStrings(v, () => HUGE.slice(0, 200_000 / Math.max(1, countStrings(v))))) });
  out.push({ name: 'one huge string (300k chars)', kind: 'probe', body: JSON.stringify(mapFirstString(v, HUGE)) });
  const inner = JSON.stringify(v).slice(1);
  out.push({ name: '__proto__ key at the top', kind: 'probe', body: `{"__proto__":{"polluted":"yes","isAdmin":true},${inner}` });
  out.push({ name: 'constructor.prototype key', kind: 'probe', body: `{"constructor":{"prototype":{"polluted":"yes"}},${inner}` });
  out.push({ name: '__proto__ key in every object', kind: 'probe', body: JSON.stringify(v).replace(/\{(?=")/g, '{"__proto__":{"polluted":"yes"},') });
  return out;
}

/** Bad paths and query strings for any route. */
export function pathInputs(pattern: string): BadInput[] {
  const fill = (value: string) => pattern.replace(/:\w+/g, value).replace(/\*\w+/g, value).replace(/\{[^}]*\}/g, '');
  const out: BadInput[] = [];
  if (/[:*]/.test(pattern)) {
    out.push({ name: 'unknown id', kind: 'refuse', path: fill('does-not-exist') });
    out.push({ name: 'huge id (4 KB)', kind: 'refuse', path: fill('y'.repeat(4_000)) });
    out.push({ name: 'broken percent-encoding', kind: 'refuse', path: fill('%E0%A4%A') });
    out.push({ name: 'encoded traversal', kind: 'refuse', path: fill('..%2F..%2Fetc%2Fpasswd') });
    out.push({ name: '__proto__ as id', kind: 'refuse', path: fill('__proto__') });
    out.push({ name: 'constructor as id', kind: 'refuse', path: fill('constructor') });
  }
  out.push({ name: 'garbage query', kind: 'probe', query: 'page_size=-1&next=%ZZ&limit=abc&after=-5&__proto__[x]=1&a[b][c]=d' });
  out.push({ name: 'huge query (6 KB)', kind: 'probe', query: `q=${'z'.repeat(6_000)}` });
  return out;
}

function countStrings(v: unknown): number {
  if (typeof v === 'string') return 1;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countStrings(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + countStrings(x), 0);
  return 0;
}

function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}

function mapFirstString(v: unknown, to: string): unknown {
  let done = false;
  return mapStrings(v, (s) => {
    if (done) return s;
    done = true;
    return to;
  });
}
