/**
 * GET/POST /_sandbox/clock on every service (issue 16): the control plane's clock commands, applied to
 * the clock of the process they reach. In one process every service shares the sandbox's clock; in
 * split mode the control plane forwards each command here, to every service.
 */
import { Router, type Request } from 'express';
import { ApiError } from './errors.ts';
import { explainIssues, validate } from './schemas/registry.ts';
import { currentClock, parseDuration, type AdvanceReport, type ClockState, type SandboxClock } from './clock.ts';
import type { ClockCommand } from '../schemas/generated/sandbox/clock-command.ts';

/** The command in a request body, checked against schemas/sandbox/clock-command.schema.json. */
export function clockCommand(req: Request): ClockCommand {
  const body: unknown = req.body ?? {};
  const v = validate('sandbox/clock-command', body);
  if (!v.valid) throw ApiError.validation(`Invalid clock command (send one of {"freeze": "<ISO date>"}, {"advance": "7d"}, {"resume": true}): ${explainIssues(v.issues)}`, v.issues);
  const c = body as ClockCommand;
  if (typeof c.freeze === 'string' && !Number.isFinite(Date.parse(c.freeze))) throw ApiError.validation('freeze is not a date', [{ pointer: '/freeze', message: 'is not a date', expected: 'ISO 8601 date-time', actual: c.freeze }]);
  if (c.advance !== undefined && parseDuration(c.advance) === undefined) throw ApiError.validation('advance is not a duration', [{ pointer: '/advance', message: 'is not a duration', expected: '"90s", "2h", "7d", "1h30m" or ms', actual: String(c.advance) }]);
  return c;
}

export async function applyClockCommand(c: SandboxClock, cmd: ClockCommand): Promise<ClockState | AdvanceReport> {
  if (cmd.freeze !== undefined) return c.freeze(cmd.freeze === true ? undefined : cmd.freeze);
  if (cmd.advance !== undefined) return c.advance(cmd.advance);
  return c.resume();
}

export function clockRoutes(): Router {
  const r = Router();
  r.get('/_sandbox/clock', (_req, res) => void res.json(currentClock().state()));
  r.post('/_sandbox/clock', async (req, res) => {
    res.json(await applyClockCommand(currentClock(), clockCommand(req)));
  });
  return r;
}
