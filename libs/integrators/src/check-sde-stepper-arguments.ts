// Argument checks of the SDE stepper (internal): shared by createSdeStepper, which then
// allocates, and by sdeSolve, which checks at the call and builds its stepper per subscription.
import type { Rng } from '@qsync/linalg';
import { assertFinite, assertInitialState, assertPositive } from './ode-guards';
import type { SdeMethod, SdeStepperConfig, SdeSystem } from './sde-types';

const METHODS: readonly SdeMethod[] = ['euler-maruyama', 'milstein', 'sra'];
/** The option names of {@link SdeStepperConfig}. */
export const SDE_STEPPER_OPTIONS = ['method', 'dt', 'noiseSeed', 'noiseStream', 'rng', 'increments'] as const;

/**
 * Checks the arguments of an SDE stepper and returns its scheme, allocating nothing that grows
 * with the state (a constant amplitude is checked as a number, an amplitude array in place):
 * a check at the call costs no memory however large the system. Errors name `fn` and the
 * argument, and list the known options when an unknown one is given (e.g. a misspelt
 * `noiseSeed`, which would otherwise be ignored).
 *
 * @param fn - the public function, for messages
 * @param y0 - the initial state, or null when it is built later (sdeSolve's initial-state
 *   factory), in which case the stepper checks it when it is built
 * @param options - every option name the caller accepts (the stepper's and its own)
 */
export function checkSdeStepperArguments(
  fn: string,
  system: SdeSystem,
  y0: Float64Array | null,
  t0: number,
  config: SdeStepperConfig,
  options: readonly string[] = SDE_STEPPER_OPTIONS,
): SdeMethod {
  checkSystem(fn, system);
  if (y0 !== null) {
    assertInitialState(fn, y0);
    if (y0.length !== system.dim) {
      throw new Error(`${fn}: argument 'y0' must have length system.dim = ${system.dim}, got ${y0.length}`);
    }
  }
  assertFinite(fn, 't0', t0);
  if (config === null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object { dt, method, noiseSeed | rng | increments }`);
  }
  for (const name of Object.keys(config)) {
    if (!options.includes(name)) {
      throw new Error(`${fn}: unknown option '${name}' (known: ${options.join(', ')})`);
    }
  }
  assertPositive(fn, 'dt', config.dt);
  const method = config.method ?? 'euler-maruyama';
  if (!METHODS.includes(method)) {
    throw new Error(`${fn}: option 'method' must be one of ${METHODS.join(', ')}, got '${String(method)}'`);
  }
  const noise = system.noise;
  if (method === 'sra' && noise.kind !== 'additive') {
    throw new Error(`${fn}: method 'sra' needs additive noise (noise.kind 'additive'), got '${noise.kind}'`);
  }
  if (method === 'milstein' && noise.kind === 'diagonal' && noise.diffusionDerivative === undefined) {
    throw new Error(`${fn}: method 'milstein' needs 'noise.diffusionDerivative' (∂g_i/∂y_i) for diagonal noise`);
  }
  if (noise.kind === 'diagonal' && noise.diffusionDerivative !== undefined && typeof noise.diffusionDerivative !== 'function') {
    throw new Error(`${fn}: 'system.noise.diffusionDerivative' must be a function (out, y, t) => void when given`);
  }
  if (noise.kind === 'additive') checkAmplitude(fn, noise.amplitude, system.dim);
  checkNoiseSource(fn, config);
  return method;
}

function checkSystem(fn: string, system: SdeSystem): void {
  if (system === null || typeof system !== 'object') {
    throw new Error(`${fn}: argument 'system' must be an object { dim, drift, noise }`);
  }
  if (!Number.isInteger(system.dim) || system.dim < 1) {
    throw new Error(`${fn}: 'system.dim' must be an integer ≥ 1, got ${String(system.dim)}`);
  }
  if (typeof system.drift !== 'function') {
    throw new Error(`${fn}: 'system.drift' must be a function (out, y, t) => void`);
  }
  const noise = system.noise as { kind?: unknown; diffusion?: unknown } | null | undefined;
  if (noise === null || typeof noise !== 'object' || (noise.kind !== 'additive' && noise.kind !== 'diagonal')) {
    const kind = noise?.kind;
    throw new Error(
      `${fn}: 'system.noise.kind' must be 'additive' or 'diagonal', got ${typeof kind === 'string' ? `'${kind}'` : String(kind)}`,
    );
  }
  if (noise.kind === 'diagonal' && typeof noise.diffusion !== 'function') {
    throw new Error(`${fn}: 'system.noise.diffusion' must be a function (out, y, t) => void for diagonal noise`);
  }
}

function checkAmplitude(fn: string, amplitude: number | Float64Array, n: number): void {
  if (typeof amplitude === 'number') {
    if (!Number.isFinite(amplitude)) {
      throw new Error(`${fn}: 'system.noise.amplitude' must be finite, got ${amplitude}`);
    }
    return;
  }
  if (!(amplitude instanceof Float64Array) || amplitude.length !== n) {
    throw new Error(`${fn}: 'system.noise.amplitude' must be a number or a Float64Array of length ${n}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(amplitude[i])) {
      throw new Error(`${fn}: 'system.noise.amplitude[${i}]' must be finite, got ${amplitude[i]}`);
    }
  }
}

/** The noise source: `increments`, else `rng`, else `noiseSeed` (with an optional `noiseStream`). */
function checkNoiseSource(fn: string, config: SdeStepperConfig): void {
  if (config.increments !== undefined) {
    if (typeof config.increments !== 'function') {
      throw new Error(`${fn}: option 'increments' must be a function (dW, dZ, h) => void`);
    }
    return;
  }
  if (config.rng !== undefined) {
    if (config.rng === null || typeof (config.rng as Partial<Rng>).fillNormalZigguratInto !== 'function') {
      throw new Error(`${fn}: option 'rng' must be an Rng (e.g. createRng(seed).split(k))`);
    }
    return;
  }
  if (config.noiseSeed === undefined) {
    throw new Error(`${fn}: give the noise a 'noiseSeed' (integer), an 'rng' or 'increments'`);
  }
  if (!Number.isSafeInteger(config.noiseSeed)) {
    throw new Error(`${fn}: option 'noiseSeed' must be an integer, got ${String(config.noiseSeed)}`);
  }
  if (config.noiseStream !== undefined && !(Number.isSafeInteger(config.noiseStream) && config.noiseStream >= 0)) {
    throw new Error(`${fn}: option 'noiseStream' must be an integer ≥ 0, got ${String(config.noiseStream)}`);
  }
}
