/** Raw HTTP for the safety probes (fetch cannot set Host) and every service's route table. */
import http from 'node:http';
import type { Sandbox } from '../../harness/sandbox.ts';
import type { ServiceName } from '../../harness/config.ts';
import { directRoutes } from '../../harness/http/service-app.ts';
import { appRoutes, patternRegex, type RouteInfo } from '../reliability/routes.ts';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function raw(url: string, method: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, agent: false, timeout: 10_000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

const PARAMS: Record<string, string> = { category: 'assessments', ats: 'greenhouse', provider: 'greenhouse', kind: 'assessment', segment: 'assessments', codename: 'stackone-sandbox', companyId: '90112' };

export const fill = (pattern: string): string => pattern.replace(/:(\w+)/g, (_m, name: string) => PARAMS[name] ?? 'x').replace(/\*\w+/g, 'x').replace(/\{[^}]*\}/g, '');

/** Every route of every running service: the express routers walked, and the direct routes each app declares. */
export function everyRoute(sb: Sandbox): RouteInfo[] {
  const out: RouteInfo[] = [];
  for (const [service, app] of Object.entries(sb.apps) as [ServiceName, NonNullable<Sandbox['apps'][ServiceName]>][]) {
    out.push(...appRoutes(service, app));
    for (const line of directRoutes(app).explain()) {
      const [method, pattern] = line.split(' ');
      out.push({ service, method, pattern, regex: patternRegex(pattern) });
    }
  }
  // one probe per method and path
  const seen = new Set<string>();
  return out.filter((r) => !seen.has(`${r.service} ${r.method} ${r.pattern}`) && seen.add(`${r.service} ${r.method} ${r.pattern}`));
}
