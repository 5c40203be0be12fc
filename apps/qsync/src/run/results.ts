// The shape of results.json: what a run computed, in plain JSON values.
import type { ProbeSpec, ScenarioMethod } from '../scenario/scenario-types';

/** A complex number as written to JSON. */
export interface ComplexValue {
  readonly re: number;
  readonly im: number;
}

/** ⟨O⟩ of the steady state. */
export interface SteadyObservable {
  /** The model operator O. */
  readonly operator: string;
  readonly value: ComplexValue;
}

/** ⟨O⟩(t) at the output times of a time evolution. */
export interface ObservableSeries {
  readonly operator: string;
  /** Re ⟨O⟩ at each output time. */
  readonly re: readonly number[];
  readonly im: readonly number[];
  /** ⟨O⟩ at the last output time. */
  readonly final: ComplexValue;
}

/** A phase distribution (one mode) or relative-phase distribution (two modes), with its peak. */
export interface PhaseProbeResult {
  readonly type: 'phase' | 'relative-phase';
  /** The probed mode ('phase' only). */
  readonly mode?: string;
  /** The modes A, B of φ_AB ('relative-phase' of a model of more than two modes). */
  readonly modes?: readonly [string, string];
  /** Angles in radians, uniform on [−π, π). */
  readonly phi: readonly number[];
  /** Q(φ) (or Q(φ_AB)) in 1/rad; integrates to Tr ρ over one period. */
  readonly Q: readonly number[];
  /** Peak height from `maxRelativePhase` of @qsync/probes (parabolic refinement). */
  readonly max: number;
  /** Peak position in radians, in [−π, π). */
  readonly argmax: number;
}

/** Husimi Q(α = x + ip) of one mode on a square grid. */
export interface HusimiProbeResult {
  readonly type: 'husimi';
  readonly mode: string;
  readonly x: readonly number[];
  readonly p: readonly number[];
  /** Q[ip][ix] = Q(x[ix] + i p[ip]). */
  readonly Q: readonly (readonly number[])[];
  /** Largest value on the grid. */
  readonly max: number;
}

/** Q(φ) of one spin-1/2 (thesis Eq. 4.33), with its peak. */
export interface SpinPhaseProbeResult {
  readonly type: 'spin-phase';
  /** The probed spin (a model of several distinguishable spins only). */
  readonly spin?: string;
  /** Angles in radians, uniform on [−π, π). */
  readonly phi: readonly number[];
  /** Q(φ) in 1/rad; integrates to 1 over one period. */
  readonly Q: readonly number[];
  /** max Q(φ) = 1/2π + |⟨σ+⟩|/4, exactly (closed form 4.33). */
  readonly max: number;
  /** Its position arg⟨σ+⟩, in (−π, π]. */
  readonly argmax: number;
  /** ⟨σ+⟩ of the spin. */
  readonly sigmaPlus: ComplexValue;
}

/** Husimi Q(θ, φ) of one spin-1/2 (thesis Eq. 4.32) on a θ × φ grid. */
export interface SpinHusimiProbeResult {
  readonly type: 'spin-husimi';
  readonly spin?: string;
  /** Polar angles on [0, π] (θ = 0 is |1⟩, up). */
  readonly theta: readonly number[];
  /** Azimuthal angles on [−π, π]. */
  readonly phi: readonly number[];
  /** Q[iθ][iφ] = Q(theta[iθ], phi[iφ]), in 1/sr. */
  readonly Q: readonly (readonly number[])[];
  readonly max: number;
}

/**
 * Q(φ_AB) of two spins (thesis Eq. 4.45; of an ensemble: of any two of its spins), with its
 * maximum, and the pair's correlation and order parameter.
 */
export interface SpinRelativePhaseProbeResult {
  readonly type: 'spin-relative-phase';
  readonly phi: readonly number[];
  readonly Q: readonly number[];
  /** max Q(φ_AB) = 1/2π + (π/16)|⟨σ+_Aσ−_B⟩|, exactly; never above 1/2π + π/32. */
  readonly max: number;
  /** arg⟨σ+_Aσ−_B⟩ in (−π, π] (0 when Q is flat). */
  readonly argmax: number;
  /** ⟨σ+_Aσ−_B⟩ of the pair. */
  readonly correlation: ComplexValue;
  /** The order parameter √|⟨σ+_Aσ−_B⟩| (√⟨σ+σ−⟩ of an ensemble, Fig. 4.10). */
  readonly order: number;
}

/** Any probe result. */
export type ProbeResult = PhaseProbeResult | HusimiProbeResult | SpinPhaseProbeResult | SpinHusimiProbeResult | SpinRelativePhaseProbeResult;

/** One steady-state spectrum S(ω) = ∫dτ e^{−iωτ}[⟨A(t+τ)B(t)⟩ − ⟨A⟩⟨B⟩] (QuTiP's `spectrum` conventions). */
export interface SpectrumResult {
  /** The operators A and B by name. */
  readonly A: string;
  readonly B: string;
  /** Angular frequencies, ascending. */
  readonly omega: readonly number[];
  /** S(ω) at each frequency (two-sided; real). */
  readonly S: readonly number[];
  /** The largest sample refined by the parabola through it and its neighbours. */
  readonly peak: { readonly omega: number; readonly density: number };
  /** ∫ S dω/2π over the grid (trapezoid rule). */
  readonly power: number;
}

/** How the spectra were computed. */
export interface SpectrumInfo {
  readonly frequencies: { readonly start: number; readonly stop: number; readonly count: number };
  /**
   * 'resolvent': one sparse solve of (iω − L)Y = (B − ⟨B⟩)ρ_ss per frequency (band LU, or GMRES
   * with ILU(0) on large blocks without populations); 'fourier': the τ-evolution,
   * Fourier-transformed (quantum regression theorem).
   */
  readonly route: 'resolvent' | 'fourier';
}

/** Steady-state solver diagnostics. */
export interface SteadyStateInfo {
  /** ‖L ρ_ss‖ (Frobenius), with Tr ρ_ss = 1. */
  readonly residual: number;
  readonly solver: 'direct' | 'iterative';
  readonly blockSize: number;
  readonly iterations: number;
}

/** Time-evolution diagnostics and the output times. */
export interface TimeEvolutionInfo {
  readonly times: readonly number[];
  /** Tr ρ(t) at each output time (1 up to the integrator's error and the Fock truncation). */
  readonly trace: readonly number[];
  readonly rtol: number;
  readonly atol: number;
}

/**
 * One channel of a classical simulation at the output times: its value (scalar channels), or its
 * mean and spread over the entries of an array channel (one entry per realization: the ensemble
 * statistics). The standard error of a mean is `std / √count`.
 */
export interface ChannelSeries {
  /** The model's channel. */
  readonly channel: string;
  readonly kind: 'real' | 'complex';
  readonly unit?: string;
  /** How many values each statistic is over: 1 for a scalar channel, the array's length otherwise. */
  readonly count: number;
  /** Mean of the real part at each output time (the value of a real scalar channel). */
  readonly re: readonly number[];
  /** Mean of the imaginary part (zeros for a real channel). */
  readonly im: readonly number[];
  /** Standard deviation over the entries (population form; complex: √E|z − E z|²); zeros for a scalar channel. */
  readonly std: readonly number[];
  /** Mean at the last output time. */
  readonly final: ComplexValue;
}

/** How a classical simulation ran, and its output times. */
export interface SimulationInfo {
  readonly times: readonly number[];
  /** The SDE scheme, or 'dormand-prince' for an order-parameter equation. */
  readonly integrator: string;
  /** Fixed step of an SDE scheme. */
  readonly step?: number;
  readonly noiseSeed?: number;
  /** Independent realizations held in the state (stochastic models). */
  readonly realizations?: number;
  /** Tolerances of Dormand–Prince. */
  readonly rtol?: number;
  readonly atol?: number;
}

/**
 * An observable's conditional expectation value averaged over the trajectories of an
 * unraveling: the ensemble mean of Re and Im ⟨O⟩_c at each output time with their standard errors.
 */
export interface EnsembleSeries {
  readonly operator: string;
  readonly re: readonly number[];
  readonly im: readonly number[];
  /** Standard error of the mean of Re ⟨O⟩_c (s/√n, s² the unbiased sample variance). */
  readonly reStandardError: readonly number[];
  readonly imStandardError: readonly number[];
  /** Mean at the last output time. */
  readonly final: ComplexValue;
}

/** One monitored jump channel of an unraveling. */
export interface MonitoredInfo {
  /** Index of the dissipator in the model's list (`scenario.monitored`). */
  readonly dissipator: number;
  readonly rate: number;
  /** Column of its current in currents.csv and `currents`: `I0`, `I1`, … by position in `monitored`. */
  readonly current: string;
}

/** How a trajectory ensemble ran (method 'trajectories'), and its output times. */
export interface TrajectoriesInfo {
  readonly times: readonly number[];
  readonly unraveling: 'homodyne' | 'heterodyne' | 'photon-counting';
  readonly monitored: readonly MonitoredInfo[];
  readonly efficiency: number;
  /** Homodyne and heterodyne: the SME scheme and step. */
  readonly scheme?: 'euler-maruyama' | 'milstein';
  readonly step?: number;
  readonly noiseSeed: number;
  readonly workers: number;
  /** Trajectories averaged (fewer than asked when the target error stopped the ensemble). */
  readonly trajectories: number;
  /** Whether `targetError` was reached (absent without one). */
  readonly targetReached?: boolean;
  /** Conditional states that failed the positivity test (smallest eigenvalue < −1e-6), summed over trajectories (photon counting: 0, no such test). */
  readonly positivityViolations: number;
}

/**
 * The currents of one trajectory at the output times: I of each monitored channel, averaged
 * over the output interval (Eqs. 3.14, 3.15), or photon counting's clicks in the interval; `im`
 * is all zeros for homodyne currents and counts.
 */
export interface TrajectoryCurrents {
  readonly trajectory: number;
  /** By current name (`I0`, …): Re and Im of the current. */
  readonly currents: Readonly<Record<string, { readonly re: readonly number[]; readonly im: readonly number[] }>>;
}

/** Wall-clock times of the stages of a run, in milliseconds. */
export interface Timing {
  readonly startedAt: string;
  readonly buildMs: number;
  readonly solveMs: number;
  readonly probesMs: number;
  readonly totalMs: number;
}

/** Everything a run computed (the content of results.json). */
export interface RunResults {
  readonly qsyncVersion: string;
  readonly model: {
    readonly name: string;
    readonly title: string;
    readonly equation: string;
    readonly parameters: Readonly<Record<string, number>>;
    /** Hilbert-space dimension of each mode (quantum models). */
    readonly dims?: readonly number[];
  };
  readonly method: ScenarioMethod;
  /** Steady-state solver diagnostics (methods 'steady-state' and 'spectrum'). */
  readonly steadyState?: SteadyStateInfo;
  readonly timeEvolution?: TimeEvolutionInfo;
  readonly spectrum?: SpectrumInfo;
  /** Method 'spectrum': the spectra by the names the scenario gave them. */
  readonly spectra?: Readonly<Record<string, SpectrumResult>>;
  readonly simulation?: SimulationInfo;
  /** Method 'trajectories': the ensemble's settings and outcome. */
  readonly trajectories?: TrajectoriesInfo;
  /** Method 'trajectories': the currents of the first `scenario.currents` trajectories. */
  readonly currents?: readonly TrajectoryCurrents[];
  /**
   * By the names the scenario gave: SteadyObservable for a steady state, ObservableSeries for a
   * time evolution, ChannelSeries for a simulation, EnsembleSeries for trajectories.
   */
  readonly observables: Readonly<Record<string, SteadyObservable | ObservableSeries | ChannelSeries | EnsembleSeries>>;
  /** By probe id (`relative-phase`, `phase-a`, `husimi-a`, `spin-phase`, …), of the steady state or the final state (quantum models). */
  readonly probes: Readonly<Record<string, ProbeResult>>;
  /** The probe specs, by the same ids. */
  readonly probeSpecs: Readonly<Record<string, ProbeSpec>>;
  readonly timing: Timing;
}
