/**
 * SmartRecruiters' API limits (reference B.1) [C for SmartRecruiters' public APIs; I that the
 * assessment-api shares the limiter]: 10 requests per second per credential and 8 concurrent
 * requests; beyond them 429 in SmartRecruiters' error shape. Every answer carries X-RateLimit-Limit,
 * X-RateLimit-Remaining, X-RateLimit-Concurrent-Limit, X-RateLimit-Concurrent-Remaining [C];
 * a 429 also carries Retry-After (seconds until the window frees) [I]. Off by default
 * (settings.rateLimit.enabled); the headers are sent either way.
 */
import { Router } from 'express';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import { SmartRecruitersError } from './errors.ts';
import { stateOf } from './state.ts';
import { clock } from '../../harness/clock.ts';

interface Window {
  start: number;
  count: number;
  inFlight: number;
}

export function rateLimitRoutes(ctx: EmulatorContext): Router {
  const r = Router();
  const windows = new Map<string, Window>();
  r.use(['/identity', '/assessment-api'], async (req, res, next) => {
    const { rateLimit } = (await stateOf(ctx)).settings();
    const key = req.header('authorization') ?? 'anonymous';
    const now = clock.now();
    let w = windows.get(key);
    if (!w || now - w.start >= 1000) {
      w = { start: now, count: 0, inFlight: w?.inFlight ?? 0 };
      windows.set(key, w);
      if (windows.size > 1000) for (const [k, v] of windows) if (v.inFlight === 0 && now - v.start >= 1000) windows.delete(k);
    }
    const headers = (remaining: number, concurrentRemaining: number): void => {
      res.setHeader('X-RateLimit-Limit', String(rateLimit.requestsPerSecond));
      res.setHeader('X-RateLimit-Remaining', String(Math.max(0, remaining)));
      res.setHeader('X-RateLimit-Concurrent-Limit', String(rateLimit.concurrent));
      res.setHeader('X-RateLimit-Concurrent-Remaining', String(Math.max(0, concurrentRemaining)));
    };
    if (!rateLimit.enabled) {
      headers(rateLimit.requestsPerSecond - 1, rateLimit.concurrent - 1);
      return next();
    }
    res.locals.provider = 'smartrecruiters';
    if (w.count >= rateLimit.requestsPerSecond || w.inFlight >= rateLimit.concurrent) {
      headers(rateLimit.requestsPerSecond - w.count, rateLimit.concurrent - w.inFlight);
      const perSecond = w.count >= rateLimit.requestsPerSecond;
      res.setHeader('Retry-After', String(perSecond ? Math.max(1, Math.ceil((w.start + 1000 - now) / 1000)) : 1));
      throw new SmartRecruitersError(
        429,
        'TOO_MANY_REQUESTS',
        perSecond
          ? `Rate limit exceeded: more than ${rateLimit.requestsPerSecond} requests per second with this credential`
          : `Rate limit exceeded: more than ${rateLimit.concurrent} concurrent requests with this credential`,
      );
    }
    w.count++;
    w.inFlight++;
    const win = w;
    let done = false;
    const release = (): void => {
      if (!done) {
        done = true;
        win.inFlight--;
      }
    };
    res.on('finish', release);
    res.on('close', release);
    headers(rateLimit.requestsPerSecond - w.count, rateLimit.concurrent - w.inFlight);
    next();
  });
  return r;
}
