/**
 * Recruitee's sandbox settings (schemas/recruitee/sandbox-settings): from `emulators.recruitee` in
 * sandbox.config.json, then PUT /_sandbox/settings (send-modal.ts); a reset goes back to the config.
 */
import type { EmulatorContext } from '../../harness/emulator/glossary.ts';
import type { RecruiteeSandboxSettings } from '../../schemas/generated/recruitee/sandbox-settings.ts';
import { RESULT_URL_KEY } from './conventions.ts';

export type RecruiteeSettings = Required<Omit<RecruiteeSandboxSettings, 'expireAfterDays'>> & Pick<RecruiteeSandboxSettings, 'expireAfterDays'>;
const DEFAULT_RECRUITEE_SETTINGS: RecruiteeSettings = { resultUrlKey: RESULT_URL_KEY, testsLoadMs: 0, refusedReport: 'removed', enabledApps: ['assessment', 'background_check'] };

const live = new WeakMap<EmulatorContext, RecruiteeSettings>();
export function recruiteeSettings(ctx: EmulatorContext): RecruiteeSettings {
  let s = live.get(ctx);
  if (!s) live.set(ctx, (s = { ...DEFAULT_RECRUITEE_SETTINGS, ...((ctx.configured ?? {}) as RecruiteeSandboxSettings) }));
  return s;
}
export function resetRecruiteeSettings(ctx: EmulatorContext): void {
  live.set(ctx, { ...DEFAULT_RECRUITEE_SETTINGS, ...((ctx.configured ?? {}) as RecruiteeSandboxSettings) });
}

/** The modal's loading time before the tests list answers (Send stays disabled meanwhile). */
export async function testsLoading(ctx: EmulatorContext): Promise<void> {
  const ms = recruiteeSettings(ctx).testsLoadMs;
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}
