import {
  lindbladian,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  scaled,
  spinHalfSpace,
  type Lindbladian,
  type Operator,
  type Space,
} from '@qsync/operators';
import { assertSpinRates } from './assert-spin-rates';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of the spin-1/2 limit-cycle oscillator, thesis Eq. (4.26). Rates in one common unit. */
export interface SpinLimitCycleConfig {
  /** Frequency ω (default 0: the frame rotating at ω). */
  omega?: number;
  /** Gain rate γ+ ≥ 0, the rate of D[σ+]. */
  gammaPlus: number;
  /** Loss rate γ− ≥ 0, the rate of D[σ−]. */
  gammaMinus: number;
}

/** The parameter table of {@link spinLimitCycle}, as scenarios and the CLI see it. */
export const spinLimitCycleParameters: ParameterTable = {
  omega: { description: 'frequency ω', default: 0 },
  gammaPlus: { description: 'gain rate γ+, the rate of D[σ+]', min: 0 },
  gammaMinus: { description: 'loss rate γ−, the rate of D[σ−]', min: 0 },
};

/** A spin-1/2 oscillator: its space, generator and the operators one measures on it. */
export interface SpinLimitCycle {
  readonly space: Space;
  readonly lindbladian: Lindbladian;
  /** σ+ = |1⟩⟨0|, σ− = |0⟩⟨1| and σz = |1⟩⟨1| − |0⟩⟨0| (Eq. 4.24). */
  readonly operators: { readonly sigmaPlus: Operator; readonly sigmaMinus: Operator; readonly sigmaZ: Operator };
  readonly parameters: Readonly<Required<SpinLimitCycleConfig>>;
}

/**
 * The spin-1/2 limit-cycle oscillator, thesis Eq. (4.26):
 * ρ̇ = −i[(ω/2)σz, ρ] + γ+ D[σ+]ρ + γ− D[σ−]ρ.
 * Its steady state is (γ−|0⟩⟨0| + γ+|1⟩⟨1|)/(γ+ + γ−) (Eq. 4.30), s_z = (γ+ − γ−)/(γ+ + γ−)
 * (Eq. 4.29); s+ rotates at ω and decays at (γ+ + γ−)/2 (Eq. 4.28). γ+ + γ− must be > 0.
 *
 * @example
 * const spin = spinLimitCycle({ omega: 2, gammaPlus: 0.5, gammaMinus: 1 });
 * spin.lindbladian.dims; // [2]
 * spinLimitCycle({ gammaPlus: 0, gammaMinus: 0 }); // throws "spinLimitCycle: gammaPlus + gammaMinus must be > 0"
 */
export function spinLimitCycle(config: SpinLimitCycleConfig): SpinLimitCycle {
  const p = resolveParameters('spinLimitCycle', spinLimitCycleParameters, config as unknown as Record<string, unknown>);
  assertSpinRates('spinLimitCycle', p.gammaPlus, p.gammaMinus);
  const space = spinHalfSpace();
  const sp = sigmaPlus(space);
  const sm = sigmaMinus(space);
  const sz = sigmaZ(space);
  const l = lindbladian(scaled(sz, p.omega / 2), [
    { rate: p.gammaPlus, jump: sp },
    { rate: p.gammaMinus, jump: sm },
  ]);
  return {
    space,
    lindbladian: l,
    operators: { sigmaPlus: sp, sigmaMinus: sm, sigmaZ: sz },
    parameters: { omega: p.omega, gammaPlus: p.gammaPlus, gammaMinus: p.gammaMinus },
  };
}
