/** How the control plane calls the other services: by URL only, so split mode works the same. */
import { ApiError } from '../errors.ts';
import type { ServiceName } from '../config.ts';
import { jsonOrText } from '../http/client.ts';
import { SANDBOX_HEADER } from '../http/request-guard.ts';
import { localFetch, type LocalResponse } from '../http/pools.ts';

interface Answer {
  status: number;
  /** the parsed JSON answer, or its text when it is not JSON */
  json: unknown;
  url?: string;
}

export type ServiceCall = (service: ServiceName, method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Answer>;

export function serviceCaller(urls: () => Record<ServiceName, string>): ServiceCall {
  return async (service, method, path, body, headers = {}) => {
    const base = urls()[service];
    let res: LocalResponse;
    try {
      res = await localFetch(`${base}${path}`, {
        method,
        headers: { ...headers, [SANDBOX_HEADER]: '1', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e) {
      throw new ApiError(502, 'ProviderUnavailableError', `The ${service} service at ${base} did not answer: ${(e as Error).message}`);
    }
    return { status: res.status, json: jsonOrText(await res.text()), url: `${base}${path}` };
  };
}
