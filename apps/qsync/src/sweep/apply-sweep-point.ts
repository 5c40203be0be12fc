import { ScenarioError } from '../common/errors';

/**
 * The scenario of one sweep point: a copy of `scenario` with each parameter of `point` set. A
 * name with dots is a path from the scenario's root (`times.stop`, `parameters.V`); a plain name
 * is a model parameter (`V` → `parameters.V`) and must be one the scenario lists (or the model
 * takes: it is then added); keys starting with `$` are the sweep's own and skipped.
 *
 * @param scenario - the scenario as read from its file (not modified)
 * @param point - parameter values by name
 * @param modelParameters - the names the model accepts (for plain names the scenario does not list)
 * @returns the point's scenario
 * @throws ScenarioError naming the parameter when a plain name is no model parameter, or a
 *   dotted path runs through something that is not an object
 * @example
 * const base = { model: 'spin', parameters: { gammaPlus: 1, gammaMinus: 0.5 }, times: { stop: 10 } };
 * applySweepPoint(base, { gammaPlus: 2, 'times.stop': 5 }, ['omega', 'gammaPlus', 'gammaMinus']);
 * // → { model: 'spin', parameters: { gammaPlus: 2, gammaMinus: 0.5 }, times: { stop: 5 } }
 */
export function applySweepPoint(
  scenario: Readonly<Record<string, unknown>>,
  point: Readonly<Record<string, unknown>>,
  modelParameters: readonly string[],
): Record<string, unknown> {
  const out = structuredClone(scenario) as Record<string, unknown>;
  for (const [name, value] of Object.entries(point)) {
    if (name.startsWith('$')) continue;
    let path: string[];
    if (name.includes('.')) path = name.split('.');
    else {
      const listed = out.parameters !== null && typeof out.parameters === 'object' && name in (out.parameters as object);
      if (!listed && !modelParameters.includes(name)) {
        throw new ScenarioError(
          `--over ${name}`,
          `'${name}' is not a parameter of model '${String(out.model)}' (it has ${modelParameters.join(', ')}); use a dotted path (e.g. times.stop) for other scenario fields`,
        );
      }
      path = ['parameters', name];
    }
    let node = out;
    for (let k = 0; k < path.length - 1; k++) {
      const next = node[path[k]] ?? (node[path[k]] = {});
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        throw new ScenarioError(`--over ${name}`, `'${path.slice(0, k + 1).join('.')}' is not an object in the scenario`);
      }
      node = next as Record<string, unknown>;
    }
    node[path[path.length - 1]] = value;
  }
  return out;
}
