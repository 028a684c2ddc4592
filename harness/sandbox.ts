/**
 * startSandbox(): every service of the sandbox, wired together by URL, with the scenario engine
 * injected into the control plane (loaded on first use). `npm start` and the CLI use it with the
 * default ports; tests use `startSandbox({ ports: 0 })` and get URLs back.
 */
import { startServices, type Sandbox, type StartOptions } from './services.ts';

export type { Sandbox, StartOptions };

export function startSandbox(options: StartOptions = {}): Promise<Sandbox> {
  return startServices({ scenarios: () => import('./scenarios/runner.ts'), ...options });
}
