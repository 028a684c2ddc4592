/**
 * Reads scenarios/*.json (one scenario per file) and checks each against
 * schemas/sandbox/scenario.schema.json; a bad file is reported with the field named, never run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { assets } from '../assets.ts';
import { ApiError } from '../errors.ts';
import { explainIssues, validate } from '../schemas/registry.ts';
import type { FieldIssue } from '../../schemas/generated/unified/common.ts';
import type { Scenario } from './definitions.ts';

/** The project's own scenarios folder (ATS_SANDBOX_SCENARIOS overrides it). */
export const SCENARIOS_DIR = process.env.ATS_SANDBOX_SCENARIOS ?? assets.scenariosDir;

const STEP_DEFS: Record<string, string> = {
  'send-test': 'SendTestStep',
  activate: 'ActivateStep',
  'update-result': 'UpdateResultStep',
  'partner-call': 'PartnerCallStep',
  wait: 'WaitStep',
  'open-links': 'OpenLinksStep',
  'send-webhook': 'SendWebhookStep',
  'set-partner': 'PartnerBehaviourStep',
  'inject-fault': 'InjectFaultStep',
};
const EXPECTATION_DEFS: Record<string, string> = {
  'recruiter-sees': 'RecruiterSeesExpectation',
  step: 'StepExpectation',
  journal: 'JournalExpectation',
  card: 'CardExpectation',
  delivery: 'DeliveryExpectation',
};

export interface ScenarioProblem {
  file: string;
  message: string;
  issues?: FieldIssue[];
}

/**
 * Steps and expectations are unions told apart by `action` / `type`: an unknown one gets one clear
 * line, and a known one is checked against its own branch only (no oneOf dump over every branch).
 */
function itemIssues(list: unknown, at: string, key: string, defs: Record<string, string>): FieldIssue[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((x, i) => {
    const val = (x as Record<string, unknown>)?.[key];
    const def = typeof val === 'string' ? defs[val] : undefined;
    if (!def) return [{ pointer: `${at}/${i}/${key}`, message: `is not one of ${Object.keys(defs).join(', ')}`, expected: Object.keys(defs), actual: val }];
    return validate(`sandbox/scenario#${def}`, x).issues.map((is) => ({ ...is, pointer: `${at}/${i}${is.pointer}` }));
  });
}

/** Validates a definition (a file's content or a POST body); throws a ValidationError naming each bad field. */
export function checkScenario(value: unknown, where = 'scenario'): Scenario {
  const v = validate('sandbox/scenario', value);
  if (v.valid) return value as Scenario;
  const o = (value ?? {}) as { steps?: unknown; expectations?: unknown };
  const issues = [
    ...v.issues.filter((i) => !/^\/(steps|expectations)\/\d+/.test(i.pointer)),
    ...itemIssues(o.steps, '/steps', 'action', STEP_DEFS),
    ...itemIssues(o.expectations, '/expectations', 'type', EXPECTATION_DEFS),
  ];
  const shown = issues.length ? issues : v.issues;
  throw ApiError.validation(`Invalid ${where}: ${explainIssues(shown)}`, shown);
}

function loadScenarioFile(file: string): Scenario {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw ApiError.validation(`${path.basename(file)} is not valid JSON: ${(e as Error).message}`, []);
  }
  const s = checkScenario(parsed, path.basename(file));
  const base = path.basename(file, '.json');
  if (s.name !== base) throw ApiError.validation(`${path.basename(file)}: name is ${JSON.stringify(s.name)} but must equal the file name ${JSON.stringify(base)}`, [{ pointer: '/name', message: 'must equal the file name', expected: base, actual: s.name }]);
  return s;
}

export function loadScenarios(dir = SCENARIOS_DIR): { scenarios: Scenario[]; problems: ScenarioProblem[] } {
  const scenarios: Scenario[] = [];
  const problems: ScenarioProblem[] = [];
  if (!existsSync(dir)) return { scenarios, problems: [{ file: dir, message: 'no scenarios folder' }] };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    try {
      scenarios.push(loadScenarioFile(path.join(dir, f)));
    } catch (e) {
      const err = e as ApiError;
      problems.push({ file: f, message: err.message, ...(err.details?.length ? { issues: err.details } : {}) });
    }
  }
  return { scenarios, problems };
}

export function findScenario(name: string, dir = SCENARIOS_DIR): Scenario {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(name)) throw new ApiError(404, 'NotFoundError', `No scenario ${JSON.stringify(name)}`);
  const file = path.join(dir, `${name}.json`);
  if (!existsSync(file)) {
    const known = existsSync(dir) ? readdirSync(dir).filter((x) => x.endsWith('.json')).map((x) => x.slice(0, -5)) : [];
    const close = known.filter((k) => k.includes(name) || name.includes(k) || k.split('-').filter((w) => name.includes(w)).length >= 2).slice(0, 5);
    throw new ApiError(404, 'NotFoundError', `No scenario ${JSON.stringify(name)} in ${dir}${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
  }
  return loadScenarioFile(file);
}
