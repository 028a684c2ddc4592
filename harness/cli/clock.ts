/** `ats-sandbox clock show|freeze|advance|resume` (issue 16): the control plane's POST/GET /_sandbox/clock. */
import type { AdminClient } from '../control-plane/client.ts';
import { parseDuration } from '../clock.ts';

class ClockUsageError extends Error {
  override name = 'ClockUsageError';
}

export async function clockCli(admin: AdminClient, positionals: string[], json: boolean): Promise<number> {
  const [sub = 'show', arg] = positionals;
  let out: Record<string, unknown>;
  if (sub === 'show') out = await admin.clock();
  else if (sub === 'freeze') {
    if (arg !== undefined && !Number.isFinite(Date.parse(arg))) throw new ClockUsageError(`freeze takes an ISO date such as 2030-01-01T09:00:00Z (not ${JSON.stringify(arg)})`);
    out = await admin.clock({ freeze: arg ?? true });
  } else if (sub === 'advance') {
    if (!arg || parseDuration(arg) === undefined) throw new ClockUsageError(`advance takes a duration such as 90s, 2h, 7d or 1h30m${arg ? ` (not ${JSON.stringify(arg)})` : ''}`);
    out = await admin.clock({ advance: arg });
  } else if (sub === 'resume') out = await admin.clock({ resume: true });
  else throw new ClockUsageError(`clock takes show, freeze, advance or resume (not ${JSON.stringify(sub)})`);
  if (json) console.log(JSON.stringify(out, null, 2));
  else console.log(describe(out));
  return 0;
}

function describe(s: Record<string, unknown>): string {
  const next = s.next as { at: string; label: string } | undefined;
  const ran = s.ran as Array<{ at: string; label: string }> | undefined;
  const lines = [`clock: ${s.mode === 'frozen' ? 'frozen' : 'running'} at ${String(s.now)}${s.offsetMs && Math.abs(Number(s.offsetMs)) > 1000 ? ` (${Math.round(Number(s.offsetMs) / 1000)} s from real time)` : ''}`];
  if (ran) {
    lines.push(`ran ${ran.length} timer${ran.length === 1 ? '' : 's'} in ${String(s.tookMs)} ms:`);
    for (const r of ran.slice(0, 50)) lines.push(`  ${r.at}  ${r.label}`);
    if (ran.length > 50) lines.push(`  … ${ran.length - 50} more`);
  }
  lines.push(`${String(s.pending)} timer${s.pending === 1 ? '' : 's'} waiting${next ? `; next at ${next.at}: ${next.label}` : ''}`);
  const services = s.services as Record<string, { now?: string; mode?: string }> | undefined;
  if (services) for (const [k, v] of Object.entries(services)) lines.push(`  ${k}: ${v.mode ?? '?'} at ${v.now ?? '?'}`);
  return lines.join('\n');
}
