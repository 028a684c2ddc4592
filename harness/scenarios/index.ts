/**
 * Troubleshooting scenarios as a library: definitions (the same objects as scenarios/*.json and the
 * control plane's POST bodies), the runner, the reports, and fault rules.
 */
export { explainScenario, explainStep, explainExpectation, forOwnPartner, type Scenario, type ScenarioStep, type Expectation } from './definitions.ts';
export { checkScenario, findScenario, loadScenarios, SCENARIOS_DIR } from './loader.ts';
export { runScenario, runScenarios, assertPortFree, PortInUseError, DEFAULT_BRIDGE_PORT, type RunOptions, type RunManyOptions, type OwnPartner } from './runner.ts';
export { explainFailure, renderResult, renderTimeline, type ScenarioResult, type ExpectationOutcome, type StepOutcome, type TimelineItem } from './results.ts';
export { jsonReport, junitReport, summarise } from './reporters.ts';
export { explainFault, type FaultRule } from '../faults/definitions.ts';
