// The shape of a validated scenario (what `validateScenario` returns and a run writes back as scenario.json).
import type { SdeMethod } from '@qsync/integrators';

/**
 * What a run computes: the steady state ρ_ss, ρ(t), steady-state spectra or an ensemble of
 * measured (unraveled) trajectories of a quantum model, or the trajectories of a classical model (`simulate`).
 */
export type ScenarioMethod = 'steady-state' | 'time-evolution' | 'spectrum' | 'trajectories' | 'simulate';

/** The files a run may write besides `scenario.json`. */
export type OutputKind = 'json' | 'csv' | 'svg' | 'png';

/**
 * Initial state of a time evolution: a product of one coherent or Fock state per mode and, for a
 * model with spins, one state per spin (type 'spin' for a model of spins alone).
 */
export type InitialStateSpec =
  | {
      readonly type: 'coherent';
      /** Amplitude α of each mode as [Re α, Im α]. */
      readonly alpha: Readonly<Record<string, readonly [number, number]>>;
      readonly spins?: SpinStatesSpec;
    }
  | {
      readonly type: 'fock';
      /** Occupation number of each mode. */
      readonly n: Readonly<Record<string, number>>;
      readonly spins?: SpinStatesSpec;
    }
  | {
      readonly type: 'spin';
      readonly spins: SpinStatesSpec;
    };

/**
 * The state of one spin-1/2 at the start of a time evolution: a basis state (`up` = |1⟩,
 * `down` = |0⟩, thesis Eq. 4.24) or the spin-coherent state |θ, φ⟩ of Eq. (4.31).
 */
export type SpinStateSpec = { readonly basis: 'up' | 'down' } | { readonly theta: number; readonly phi: number };

/**
 * The spins' part of an initial state: one state for every spin (`all`), or one per named spin
 * of a model with distinguishable spins.
 */
export type SpinStatesSpec = { readonly all: SpinStateSpec } | Readonly<Record<string, SpinStateSpec>>;

/** Output times: `count` equally spaced times from `start` to `stop` (both included). */
export interface TimeGrid {
  readonly start: number;
  readonly stop: number;
  readonly count: number;
}

/** Tolerances of the adaptive Dormand–Prince integrator (`mesolve`, the order-parameter equations). */
export interface Tolerances {
  readonly rtol: number;
  readonly atol: number;
}

/** How a classical stochastic model is integrated: scheme and fixed step (defaults: the model's). */
export interface SdeSettings {
  readonly method: SdeMethod;
  readonly step: number;
}

/**
 * A probe of the steady state or of the final state, with its defaults resolved. The spin probes
 * name their spin (`spin`) only in a model of several distinguishable spins; of one spin, or of
 * an ensemble of identical spins (any one is alike), they have none.
 */
export type ProbeSpec =
  | { readonly type: 'relative-phase'; readonly points: number; /** Two of a model's modes (models of more than two). */ readonly modes?: readonly [string, string] }
  | { readonly type: 'phase'; readonly mode: string; readonly points: number }
  | { readonly type: 'husimi'; readonly mode: string; readonly extent: number; readonly points: number }
  | { readonly type: 'spin-phase'; readonly spin?: string; readonly points: number }
  | { readonly type: 'spin-husimi'; readonly spin?: string; readonly points: number }
  | { readonly type: 'spin-relative-phase'; readonly points: number };

/** Angular frequencies of a spectrum: `count` equally spaced values from `start` to `stop`. */
export interface FrequencyGrid {
  readonly start: number;
  readonly stop: number;
  readonly count: number;
}

/** One steady-state spectrum S(ω) = ∫dτ e^{−iωτ}⟨A(t+τ)B(t)⟩_ss: A and B by operator name. */
export interface SpectrumSpec {
  readonly A: string;
  readonly B: string;
}

interface ScenarioCommon {
  readonly description?: string;
  /** Key of the model in `modelCatalog` of @qsync/models. */
  readonly model: string;
  /** Every model parameter, defaults filled in. */
  readonly parameters: Readonly<Record<string, number>>;
  /** Output name → operator (quantum models) or channel (classical models) of the model. */
  readonly observables: Readonly<Record<string, string>>;
  readonly outputs: readonly OutputKind[];
}

/** A validated steady-state scenario of a quantum model. */
export interface SteadyStateScenario extends ScenarioCommon {
  readonly method: 'steady-state';
  readonly probes: readonly ProbeSpec[];
}

/** A validated time-evolution scenario of a quantum model. */
export interface TimeEvolutionScenario extends ScenarioCommon {
  readonly method: 'time-evolution';
  readonly probes: readonly ProbeSpec[];
  readonly initialState: InitialStateSpec;
  readonly times: TimeGrid;
  readonly tolerances: Tolerances;
}

/** A validated spectrum scenario of a quantum model: the steady state, then its spectra. */
export interface SpectrumScenario extends ScenarioCommon {
  readonly method: 'spectrum';
  readonly frequencies: FrequencyGrid;
  /** Output name → the operators A, B of S(ω). */
  readonly spectra: Readonly<Record<string, SpectrumSpec>>;
  /**
   * 'resolvent' (default): one sparse solve of (iω − L)Y = (B − ⟨B⟩)ρ_ss per frequency (band LU, or GMRES
   * with ILU(0) on large blocks without populations); 'fourier': the τ-evolution
   * by Dormand–Prince, Fourier-transformed (the independent route, slower).
   */
  readonly route: 'resolvent' | 'fourier';
  readonly probes: readonly ProbeSpec[];
}

/**
 * A validated trajectory ensemble of a quantum model: its monitored dissipators detected by
 * homodyne or heterodyne detection (stochastic master equation, Eqs. 3.11–3.15, 6.24) or by
 * photon counting (quantum jumps, Sec. 3.3).
 */
export interface TrajectoriesScenario extends ScenarioCommon {
  readonly method: 'trajectories';
  readonly initialState: InitialStateSpec;
  readonly times: TimeGrid;
  /** Homodyne and heterodyne: integration step; (stop − start)/(count − 1) is a whole multiple of it. */
  readonly step?: number;
  /** Homodyne and heterodyne: the SME scheme. */
  readonly scheme?: 'euler-maruyama' | 'milstein';
  readonly unraveling: 'homodyne' | 'heterodyne' | 'photon-counting';
  /** Indices of the monitored dissipators, in the model's order. */
  readonly monitored: readonly number[];
  /** Detection efficiency ξ ∈ [0, 1] (Eq. 6.24). */
  readonly efficiency: number;
  /** Homodyne: local-oscillator phase φ (rad). */
  readonly phase?: number;
  /** Homodyne: local-oscillator detuning ω_m, φ(t) = phase + ω_m t (Eq. 3.11). */
  readonly frequency?: number;
  /** Number of trajectories (the most, with `targetError`). */
  readonly trajectories: number;
  /** Stop once every observable's standard error is at most this. */
  readonly targetError?: number;
  readonly noiseSeed: number;
  /** Worker threads (0: this thread; absent: the machine's parallelism). */
  readonly workers?: number;
  /** Write the currents of the first this many trajectories. */
  readonly currents: number;
  /** Always empty: a trajectory ensemble keeps no state to probe (kept so every quantum scenario has the key). */
  readonly probes: readonly ProbeSpec[];
}

/** A validated simulation of a classical model: stochastic (SDE) or an order-parameter equation (ODE). */
export interface SimulationScenario extends ScenarioCommon {
  readonly method: 'simulate';
  readonly times: TimeGrid;
  /** Named settings of the model (e.g. Kuramoto's frequency sampling), defaults filled in; stochastic models with settings only. */
  readonly options?: Readonly<Record<string, string>>;
  /** Scheme and step; stochastic models only. */
  readonly sde?: SdeSettings;
  /** Seed of the noise and of random initial conditions; stochastic models only. */
  readonly noiseSeed?: number;
  /** Dormand–Prince tolerances; order-parameter models only. */
  readonly tolerances?: Tolerances;
}

/** A scenario after `validateScenario`: strictly checked, every default resolved. */
export type Scenario = SteadyStateScenario | TimeEvolutionScenario | SpectrumScenario | TrajectoriesScenario | SimulationScenario;
