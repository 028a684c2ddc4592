/**
 * The Greenhouse emulator's settings at run time: the options of options.ts ([I] where Greenhouse's
 * docs are silent), one live object per running emulator, set from (later wins) the factory's options,
 * `emulators.greenhouse` in sandbox.config.json and PUT /_sandbox/settings. A reset goes back to the
 * first two. Every route reads the live object when it runs, so a change applies to the next request.
 *   GET /_sandbox/settings    the options in force
 *   PUT /_sandbox/settings    any subset (schemas/greenhouse/sandbox-settings.schema.json)
 */
import { Router } from 'express';
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import { requireJson } from '../../harness/http/service-app.ts';
import { explainIssues, validate } from '../../harness/schemas/registry.ts';
import type { GreenhouseSandboxSettings } from '../../schemas/generated/greenhouse/sandbox-settings.ts';
import { ApiError } from '../../harness/errors.ts';
import type { GreenhouseEmulatorOptions } from './options.ts';

const live = new WeakMap<EmulatorContext, GreenhouseEmulatorOptions>();

/** The options in force for this emulator (created from the factory's options and the config on first use). */
export function liveOptions(ctx: EmulatorContext, base: GreenhouseEmulatorOptions): GreenhouseEmulatorOptions {
  let o = live.get(ctx);
  if (!o) live.set(ctx, (o = { ...base, ...structuredClone((ctx.configured ?? {}) as GreenhouseSandboxSettings) }));
  return o;
}

/** Back to the factory's options and the config (a sandbox reset). */
export function resetOptions(ctx: EmulatorContext, base: GreenhouseEmulatorOptions): void {
  Object.assign(liveOptions(ctx, base), base, structuredClone((ctx.configured ?? {}) as GreenhouseSandboxSettings));
}

export function settingsRoutes(ctx: EmulatorContext, base: GreenhouseEmulatorOptions): Router {
  const r = Router();
  r.get('/_sandbox/settings', (_req, res) => {
    res.json(liveOptions(ctx, base));
  });
  r.put('/_sandbox/settings', (req, res) => {
    requireJson(req);
    const v = validate('greenhouse/sandbox-settings', req.body ?? {});
    if (!v.valid) throw ApiError.validation(`Invalid Greenhouse settings: ${explainIssues(v.issues)}`, v.issues);
    res.json(Object.assign(liveOptions(ctx, base), req.body as GreenhouseSandboxSettings));
  });
  return r;
}
