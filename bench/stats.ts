/** Small statistics and table helpers for the benchmarks. */

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const round = (x: number, digits = 2): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the sandbox and the baseline measurement alternately `rounds` times (the machine is noisy:
 * interleaving spreads the noise over both) and returns the per-round figures of each.
 */
export async function interleave(rounds: number, sandbox: () => Promise<number>, bare: () => Promise<number>): Promise<{ sandbox: number[]; bare: number[] }> {
  const out = { sandbox: [] as number[], bare: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) {
      out.bare.push(await bare());
      out.sandbox.push(await sandbox());
    } else {
      out.sandbox.push(await sandbox());
      out.bare.push(await bare());
    }
  }
  return out;
}

export interface Row {
  figure: string;
  value: string;
  target: string;
  ok: boolean | null;
  note?: string;
}

export function renderTable(rows: Row[]): string {
  const head = ['figure', 'measured', 'target', 'ok', 'note'];
  const cells = rows.map((r) => [r.figure, r.value, r.target, r.ok === null ? '-' : r.ok ? 'yes' : 'NO', r.note ?? '']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
