import { expect } from 'vitest';
import { ScenarioError } from '../common/errors';
import { validateScenario } from '../scenario/validate-scenario';

/**
 * Expects `raw` to be refused by `validateScenario` with a ScenarioError at `path` whose message
 * starts with `<path>: ` and contains `fragment`.
 */
export function refused(raw: unknown, path: string, fragment: string): void {
  let error: unknown;
  try {
    validateScenario(raw);
  } catch (e) {
    error = e;
  }
  expect(error, `expected a refusal at ${path}`).toBeInstanceOf(ScenarioError);
  const e = error as ScenarioError;
  expect(e.path).toBe(path);
  expect(e.message.startsWith(`${path}: `)).toBe(true);
  expect(e.message).toContain(fragment);
}
