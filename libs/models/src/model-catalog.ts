import type { DickeLindbladian, DickeSpace, Lindbladian, Operator, Space } from '@qsync/operators';
import { adler, adlerParameters } from './adler';
import { coupledNoisyVanDerPol, coupledNoisyVanDerPolParameters } from './coupled-noisy-van-der-pol';
import { coupledVanDerPol, coupledVanDerPolParameters } from './coupled-van-der-pol';
import { kuramoto, kuramotoParameters, type FrequencySampling, type InitialPhases, type KuramotoConfig } from './kuramoto';
import { noisyPhasePair, noisyPhasePairParameters } from './noisy-phase-pair';
import { noisyVanDerPol, noisyVanDerPolParameters } from './noisy-van-der-pol';
import { noisyVanDerPolPolar, noisyVanDerPolPolarParameters } from './noisy-van-der-pol-polar';
import { nonreciprocalPhasePair, nonreciprocalPhasePairParameters } from './nonreciprocal-phase-pair';
import type { OrderParameterModel } from './order-parameter-model';
import { ottAntonsen, ottAntonsenParameters } from './ott-antonsen';
import type { ParameterTable } from './parameters';
import { quantumVanDerPol, quantumVanDerPolParameters } from './quantum-van-der-pol';
import { quantumVanDerPolMeanField, quantumVanDerPolMeanFieldParameters } from './quantum-van-der-pol-mean-field';
import { quantumVanDerPolNetwork, quantumVanDerPolNetworkParameters } from './quantum-van-der-pol-network';
import { reducedOrderParameter, reducedOrderParameterParameters } from './reduced-order-parameter';
import type { OdeModel } from './create-ode-model';
import { spinLimitCycle, spinLimitCycleParameters } from './spin-limit-cycle';
import { coupledSpins, coupledSpinsParameters } from './coupled-spins';
import { spinEnsemble, spinEnsembleParameters, MAX_SPIN_ENSEMBLE_TENSOR_N } from './spin-ensemble';
import { spinEnsembleMeanField, spinEnsembleMeanFieldParameters } from './spin-ensemble-mean-field';
import { MAX_SPIN_ENSEMBLE_DICKE_N, spinEnsemblePermutationInvariant } from './spin-ensemble-permutation-invariant';
import { spinEnsembleCumulants, spinEnsembleCumulantsParameters } from './spin-ensemble-cumulants';
import { superradiantLaser, superradiantLaserParameters } from './superradiant-laser';
import { undrivenAtomLaser, undrivenAtomLaserParameters } from './undriven-atom-laser';
import { undrivenAtomLaserBadCavity, undrivenAtomLaserBadCavityParameters } from './undriven-atom-laser-bad-cavity';
import { undrivenAtomLaserCumulants, undrivenAtomLaserCumulantsParameters } from './undriven-atom-laser-cumulants';
import { undrivenAtomLaserGoodCavity, undrivenAtomLaserGoodCavityParameters } from './undriven-atom-laser-good-cavity';
import { undrivenAtomLaserMeanField, undrivenAtomLaserMeanFieldParameters } from './undriven-atom-laser-mean-field';
import type { StochasticModel } from './stochastic-model';
import {
  twoPopulationKuramoto,
  twoPopulationKuramotoParameters,
  type TwoPopulationKuramotoConfig,
} from './two-population-kuramoto';

/** What every quantum model built from a scenario offers: a generator and named operators to measure. */
export interface ModelInstance {
  readonly space: Space;
  readonly lindbladian: Lindbladian;
  readonly operators: Readonly<Record<string, Operator>>;
  /** The single-mode Fock spaces, by mode name, for states and phase-space probes. */
  readonly modes: Readonly<Record<string, Space>>;
  readonly parameters: Readonly<Record<string, number>>;
}

/** A setting that takes one of a few named values (not a number), e.g. how frequencies are drawn. */
export interface ChoiceSpec {
  readonly description: string;
  readonly values: readonly string[];
  readonly default: string;
}

interface EntryCommon {
  readonly title: string;
  /** The thesis equation the model implements. */
  readonly equation: string;
  /** Its numeric parameters, checked by `resolveParameters`' rules (required, finite, integer, range). */
  readonly parameters: ParameterTable;
}

/** A quantum model (Ch. 4): a Lindbladian, solved for the steady state or integrated by `mesolve`. */
export interface QuantumModelEntry extends EntryCommon {
  readonly kind: 'quantum';
  /** The operators `build` offers to measure, by name. */
  readonly operators: readonly string[];
  /** The modes, in the tensor order of the model. */
  readonly modes: readonly string[];
  /**
   * The spins-1/2, tensor factors after the modes (absent: none): `names` of distinguishable
   * spins in tensor order, or `identical`, the parameter counting N identical spins (an ensemble,
   * whose initial states and probes treat every spin alike).
   */
  readonly spins?: { readonly names: readonly string[] } | { readonly identical: string };
  build(parameters: Readonly<Record<string, unknown>>): ModelInstance;
}

/** A classical stochastic model (Ch. 2): a batched Itô SDE whose `simulate` emits frames. */
export interface StochasticModelEntry extends EntryCommon {
  readonly kind: 'stochastic';
  /** Parameters that may be left out and have no default: the model then draws them (random initial phases). */
  readonly optional: readonly string[];
  /** Settings with named values, by name (`build`'s second argument; defaults filled in by the caller). */
  readonly choices: Readonly<Record<string, ChoiceSpec>>;
  /** The channels of its frames, name → what they hold. */
  readonly channels: Readonly<Record<string, string>>;
  build(parameters: Readonly<Record<string, number>>, choices: Readonly<Record<string, string>>): StochasticModel;
}

/**
 * A deterministic equation of order parameters or expectation values, integrated by Dormand–Prince:
 * the order-parameter equations (Eqs. 2.43, 2.51; an `OrderParameterModel`), the spin ensemble's
 * mean-field and cumulant equations (4.54, 4.58).
 */
export interface OrderParameterModelEntry extends EntryCommon {
  readonly kind: 'order-parameter';
  readonly channels: Readonly<Record<string, string>>;
  build(parameters: Readonly<Record<string, number>>): OrderParameterModel | OdeModel;
}

/** What a permutation-invariant model built from a scenario offers: its Dicke-basis generator and collective operators. */
export interface PermutationInvariantInstance {
  readonly space: DickeSpace;
  readonly lindbladian: DickeLindbladian;
  /** Collective operators (dims [space.dimension]), read with `dickeExpect`. */
  readonly operators: Readonly<Record<string, Operator>>;
  readonly parameters: Readonly<Record<string, number>>;
}

/**
 * N identical spins-1/2 in the permutation-invariant (Dicke) representation (`dickeLindbladian`):
 * the steady state by `steadyState` of @qsync/integrators, observables by `dickeExpect`.
 */
export interface PermutationInvariantModelEntry extends EntryCommon {
  readonly kind: 'permutation-invariant';
  /** The collective operators `build` offers to measure, by name. */
  readonly operators: readonly string[];
  /** The parameter that counts the spins. */
  readonly spins: { readonly identical: string };
  build(parameters: Readonly<Record<string, unknown>>): PermutationInvariantInstance;
}

/** One model as a scenario runner sees it. */
export type ModelEntry = QuantumModelEntry | StochasticModelEntry | OrderParameterModelEntry | PermutationInvariantModelEntry;

const phaseSamplingChoices: Readonly<Record<string, ChoiceSpec>> = {
  frequencies: {
    description: "natural frequencies: 'random' draws (Lorentzian, Eq. 2.34), or its 'quantile's, the same in every realization",
    values: ['random', 'quantile'],
    default: 'random',
  },
  initialPhases: {
    description: "initial phases: 'uniform' on [0, 2π) (drawn from the noise seed), or 'equal' (all 0, |z| = 1)",
    values: ['uniform', 'equal'],
    default: 'uniform',
  },
};

const disorderSeed = {
  description: 'seed of the quenched disorder, the random natural frequencies (the noise takes the noise seed)',
  default: 1,
  integer: true,
} as const;

const pairChannels = {
  phiAB: 'real array over realizations: φ_A − φ_B wrapped to (−π, π] (rad)',
  phiAUnwrapped: 'real array over realizations: the continuous phase φ_A (rad)',
  phiBUnwrapped: 'real array over realizations: the continuous phase φ_B (rad)',
};

const orderParameterChannels = {
  z: 'complex: the order parameter z',
  r: 'real: |z|',
};

/** The channels of the mean-field representations (7.3), (7.4) of the laser with undriven atoms. */
const undrivenAtomLaserSpinChannels = {
  sPlus: 'complex: s+ = p_d s+_d + p_ud s+_ud, the average coherence',
  sPlusDriven: 'complex: s+_d = ⟨σ+⟩ of a driven atom',
  sPlusUndriven: 'complex: s+_ud = ⟨σ+⟩ of an undriven atom',
  szDriven: 'real: s^z_d',
  szUndriven: 'real: s^z_ud',
  sPlusModulus: 'real: |s+|',
  frequency: 'real: d arg(s+)/dt, the lasing shift (a peak at +ω in the e^{−iωτ} spectrum)',
};

/** The observables of every representation of the spin ensemble (4.52), pair averages from collective operators. */
const spinEnsembleOperatorNames = ['sigmaZ', 'sigmaPlus', 'sigmaPlusSigmaMinus', 'sigmaZSigmaZ', 'Splus', 'Sminus', 'SplusSminus'];

/**
 * The models a scenario can name, by name: the quantum van-der-Pol oscillators of Ch. 4, the
 * classical stochastic models of Ch. 2 (noisy vdP, the coupled pair, phase pairs, Adler,
 * Kuramoto) and the order-parameter equations of Sec. 2.4. Parameters are validated by each
 * builder; each entry lists what a scenario may ask of it (operators, modes or channels).
 *
 * @example
 * modelCatalog['adler'].kind; // → 'stochastic'
 * Object.keys(modelCatalog).length; // → 26
 */
export const modelCatalog: Readonly<Record<string, ModelEntry>> = {
  'quantum-vdp': {
    kind: 'quantum',
    title: 'quantum van-der-Pol oscillator',
    equation: '4.1',
    parameters: quantumVanDerPolParameters,
    operators: ['a', 'adag', 'n'],
    modes: ['a'],
    build(p) {
      const m = quantumVanDerPol(p as never);
      return { ...m, modes: { a: m.space }, operators: m.operators, parameters: { ...m.parameters } };
    },
  },
  'coupled-quantum-vdp': {
    kind: 'quantum',
    title: 'two dissipatively coupled quantum van-der-Pol oscillators',
    equation: '4.8',
    parameters: coupledVanDerPolParameters,
    operators: ['a', 'b', 'adag', 'bdag', 'na', 'nb', 'adagb'],
    modes: ['a', 'b'],
    build(p) {
      const m = coupledVanDerPol(p as never);
      return { ...m, modes: { a: m.modeA, b: m.modeB }, operators: m.operators, parameters: { ...m.parameters } };
    },
  },
  'quantum-vdp-network': {
    kind: 'quantum',
    title: 'three all-to-all coupled quantum van-der-Pol oscillators, exact (N = 3; other N from code)',
    equation: '4.18',
    parameters: {
      cutoff: { ...quantumVanDerPolNetworkParameters.cutoff, max: 16 },
      kappa1: quantumVanDerPolNetworkParameters.kappa1,
      kappa2: quantumVanDerPolNetworkParameters.kappa2,
      V: quantumVanDerPolNetworkParameters.V,
    },
    operators: ['a1', 'a2', 'a3', 'adag1', 'adag2', 'adag3', 'n1', 'n2', 'n3', 'A', 'n', 'adag1a2'],
    modes: ['a1', 'a2', 'a3'],
    build(p) {
      const m = quantumVanDerPolNetwork({ ...(p as never as { cutoff: number; kappa1: number; kappa2: number; V: number }), N: 3 });
      return { ...m, modes: { a1: m.mode, a2: m.mode, a3: m.mode }, operators: m.operators, parameters: { ...m.parameters } };
    },
  },
  'quantum-vdp-mean-field': {
    kind: 'order-parameter',
    title: 'mean-field equation of a network of quantum van-der-Pol oscillators (N → ∞)',
    equation: '4.19',
    parameters: quantumVanDerPolMeanFieldParameters,
    channels: {
      A: 'complex: the mean-field amplitude A = Tr[aρ] (Eq. 4.21)',
      absA: 'real: |A|, the order parameter',
      n: 'real: ⟨a†a⟩',
      trace: 'real: Tr ρ',
    },
    build: (p) => quantumVanDerPolMeanField(p as never),
  },
  'noisy-vdp': {
    kind: 'stochastic',
    title: 'noisy classical van-der-Pol oscillator',
    equation: '2.8',
    parameters: noisyVanDerPolParameters,
    optional: [],
    choices: {},
    channels: {
      alpha: 'complex array over realizations: α = x + ip',
      mean: 'complex: the ensemble mean E[α]',
      phi: 'real array over realizations: φ = −arg α wrapped to (−π, π] (rad)',
      r: 'real array over realizations: |α|',
    },
    build: (p) => noisyVanDerPol(p as never),
  },
  'noisy-vdp-polar': {
    kind: 'stochastic',
    title: 'noisy classical van-der-Pol oscillator in polar coordinates',
    equation: '2.10',
    parameters: noisyVanDerPolPolarParameters,
    optional: [],
    choices: {},
    channels: {
      alpha: 'complex array over realizations: α = r e^{−iφ}',
      mean: 'complex: the ensemble mean E[α]',
      phi: 'real array over realizations: φ wrapped to (−π, π] (rad)',
      phiUnwrapped: 'real array over realizations: the continuous phase φ (rad)',
      r: 'real array over realizations: r = |α|',
    },
    build: (p) => noisyVanDerPolPolar(p as never),
  },
  'coupled-noisy-vdp': {
    kind: 'stochastic',
    title: 'two detuned, dissipatively coupled noisy van-der-Pol oscillators',
    equation: '2.17',
    parameters: coupledNoisyVanDerPolParameters,
    optional: [],
    choices: {},
    channels: {
      alpha: 'complex array over realizations: α',
      beta: 'complex array over realizations: β',
      phiAB: 'real array over realizations: φ_A − φ_B = arg(α*β) wrapped to (−π, π] (rad)',
    },
    build: (p) => coupledNoisyVanDerPol(p as never),
  },
  'noisy-phase-pair': {
    kind: 'stochastic',
    title: 'two coupled noisy phase oscillators',
    equation: '2.24',
    parameters: noisyPhasePairParameters,
    optional: ['phiA0', 'phiB0'],
    choices: {},
    channels: pairChannels,
    build: (p) => noisyPhasePair(p as never),
  },
  adler: {
    kind: 'stochastic',
    title: 'the (noisy) Adler equation for the phase difference',
    equation: '2.25',
    parameters: adlerParameters,
    optional: ['phi0'],
    choices: {},
    channels: {
      phiAB: 'real array over realizations: φ_AB wrapped to (−π, π] (rad)',
      phiABUnwrapped: 'real array over realizations: the continuous φ_AB (rad)',
    },
    build: (p) => adler(p as never),
  },
  'nonreciprocal-phase-pair': {
    kind: 'stochastic',
    title: 'two phase oscillators with nonreciprocal coupling',
    equation: '2.56',
    parameters: nonreciprocalPhasePairParameters,
    optional: ['phiA0', 'phiB0'],
    choices: {},
    channels: { ...pairChannels, phiSumUnwrapped: 'real array over realizations: φ_A + φ_B, continuous (rad)' },
    build: (p) => nonreciprocalPhasePair(p as never),
  },
  kuramoto: {
    kind: 'stochastic',
    title: 'Kuramoto model with Lorentzian frequency disorder and phase noise',
    equation: '2.29',
    parameters: { ...kuramotoParameters, disorderSeed },
    optional: [],
    choices: phaseSamplingChoices,
    channels: {
      z: 'complex array over realizations: the order parameter z (Eq. 2.30)',
      r: 'real: the mean over realizations of |z|',
      rStd: 'real: the standard deviation over realizations of |z|',
    },
    build: ({ disorderSeed: seed, ...p }, c) =>
      kuramoto({
        ...(p as unknown as Omit<KuramotoConfig, 'disorderSeed'>),
        disorderSeed: seed,
        frequencies: c.frequencies as FrequencySampling,
        initialPhases: c.initialPhases as InitialPhases,
      }),
  },
  'two-population-kuramoto': {
    kind: 'stochastic',
    title: 'two Kuramoto populations with directional couplings',
    equation: '6.10',
    parameters: { ...twoPopulationKuramotoParameters, disorderSeed },
    optional: [],
    choices: phaseSamplingChoices,
    channels: {
      zA: 'complex array over realizations: the order parameter of population A',
      zB: 'complex array over realizations: the order parameter of population B',
      rA: 'real: the mean over realizations of |z_A|',
      rB: 'real: the mean over realizations of |z_B|',
      relativePhase: 'real array over realizations: arg(z_A z_B*) in (−π, π] (rad)',
    },
    build: ({ disorderSeed: seed, ...p }, c) =>
      twoPopulationKuramoto({
        ...(p as unknown as Omit<TwoPopulationKuramotoConfig, 'disorderSeed'>),
        disorderSeed: seed,
        frequencies: c.frequencies as FrequencySampling,
        initialPhases: c.initialPhases as InitialPhases,
      }),
  },
  'ott-antonsen': {
    kind: 'order-parameter',
    title: 'Ott–Antonsen equation of the Kuramoto order parameter',
    equation: '2.43',
    parameters: ottAntonsenParameters,
    channels: orderParameterChannels,
    build: (p) => ottAntonsen(p as never),
  },
  'reduced-order-parameter': {
    kind: 'order-parameter',
    title: 'reduced order-parameter equation of the noisy Kuramoto model',
    equation: '2.51',
    parameters: reducedOrderParameterParameters,
    channels: orderParameterChannels,
    build: (p) => reducedOrderParameter(p as never),
  },
  spin: {
    kind: 'quantum',
    title: 'spin-1/2 limit-cycle oscillator',
    equation: '4.26',
    parameters: spinLimitCycleParameters,
    operators: ['sigmaPlus', 'sigmaMinus', 'sigmaZ'],
    modes: [],
    spins: { names: ['A'] },
    build(p) {
      const m = spinLimitCycle(p as never);
      return { ...m, modes: {}, operators: { ...m.operators }, parameters: { ...m.parameters } };
    },
  },
  'coupled-spins': {
    kind: 'quantum',
    title: 'two dissipatively coupled spin-1/2 oscillators',
    equation: '4.35',
    parameters: coupledSpinsParameters,
    operators: ['sigmaPlusA', 'sigmaMinusA', 'sigmaZA', 'sigmaPlusB', 'sigmaMinusB', 'sigmaZB', 'sigmaPlusASigmaMinusB'],
    modes: [],
    spins: { names: ['A', 'B'] },
    build(p) {
      const m = coupledSpins(p as never);
      return { ...m, modes: {}, operators: { ...m.operators }, parameters: { ...m.parameters } };
    },
  },
  'spin-ensemble': {
    kind: 'quantum',
    title: `N spins-1/2 with collective coupling, tensor product (N ≤ ${MAX_SPIN_ENSEMBLE_TENSOR_N})`,
    equation: '4.52',
    parameters: { ...spinEnsembleParameters, N: { ...spinEnsembleParameters.N, max: MAX_SPIN_ENSEMBLE_TENSOR_N } },
    operators: spinEnsembleOperatorNames,
    modes: [],
    spins: { identical: 'N' },
    build(p) {
      const m = spinEnsemble(p as never);
      return { ...m, modes: {}, operators: { ...m.operators }, parameters: { ...m.parameters } };
    },
  },
  'spin-ensemble-permutation-invariant': {
    kind: 'permutation-invariant',
    title: `N spins-1/2 with collective coupling, permutation-invariant (N ≤ ${MAX_SPIN_ENSEMBLE_DICKE_N})`,
    equation: '4.52',
    parameters: { ...spinEnsembleParameters, N: { ...spinEnsembleParameters.N, max: MAX_SPIN_ENSEMBLE_DICKE_N } },
    operators: spinEnsembleOperatorNames,
    spins: { identical: 'N' },
    build(p) {
      const m = spinEnsemblePermutationInvariant(p as never);
      return { ...m, operators: { ...m.operators }, parameters: { ...m.parameters } };
    },
  },
  'spin-ensemble-mean-field': {
    kind: 'order-parameter',
    title: 'mean-field equations of the spin ensemble (N → ∞)',
    equation: '4.54',
    parameters: spinEnsembleMeanFieldParameters,
    channels: {
      sPlus: 'complex: s+ = ⟨σ+⟩ of every spin',
      sPlusModulus: 'real: |s+|, the order parameter',
      sz: 'real: s_z = ⟨σz⟩',
    },
    build: (p) => spinEnsembleMeanField(p as never),
  },
  'spin-ensemble-cumulants': {
    kind: 'order-parameter',
    title: 'second-order cumulant equations of the spin ensemble',
    equation: '4.58',
    parameters: spinEnsembleCumulantsParameters,
    channels: {
      sz: 'real: s_z = ⟨σz⟩',
      sigmaPlusSigmaMinus: 'real: ⟨σ+_iσ−_j⟩ of a pair i ≠ j',
      sigmaZSigmaZ: 'real: ⟨σz_iσz_j⟩ of a pair i ≠ j',
      order: 'real: √⟨σ+σ−⟩, the order parameter (0 where the truncation makes ⟨σ+σ−⟩ < 0)',
    },
    build: (p) => spinEnsembleCumulants(p as never),
  },
  'superradiant-laser': {
    kind: 'quantum',
    title: 'superradiant laser: N atoms in a lossy cavity',
    equation: '4.59',
    parameters: superradiantLaserParameters,
    operators: ['a', 'adag', 'n', ...spinEnsembleOperatorNames],
    modes: ['a'],
    spins: { identical: 'N' },
    build(p) {
      const m = superradiantLaser(p as never);
      return { ...m, modes: { a: m.cavity }, operators: { ...m.operators }, parameters: { ...m.parameters } };
    },
  },
  'undriven-atom-laser': {
    kind: 'quantum',
    title: 'superradiant laser with undriven atoms, exact: Nd = 3 driven and Nud = 1 undriven atoms (other sizes from code)',
    equation: '7.1',
    parameters: {
      cutoff: { ...undrivenAtomLaserParameters.cutoff, max: 16 },
      Omega: undrivenAtomLaserParameters.Omega,
      kappa: undrivenAtomLaserParameters.kappa,
      detuning: undrivenAtomLaserParameters.detuning,
      gammaPlus: undrivenAtomLaserParameters.gammaPlus,
      gammaMinus: undrivenAtomLaserParameters.gammaMinus,
      gammaZ: undrivenAtomLaserParameters.gammaZ,
    },
    operators: ['a', 'adag', 'n', 'Splus', 'Sminus', 'sigmaZDriven', 'sigmaZUndriven'],
    modes: ['a'],
    spins: { names: ['d1', 'd2', 'd3', 'u1'] },
    build(p) {
      const m = undrivenAtomLaser({ ...(p as never as { cutoff: number; Omega: number; kappa: number; gammaPlus: number }), Nd: 3, Nud: 1 });
      const o = m.operators;
      return {
        space: m.space,
        lindbladian: m.lindbladian,
        modes: { a: m.cavity },
        operators: { a: o.a, adag: o.adag, n: o.n, Splus: o.Splus, Sminus: o.Sminus, sigmaZDriven: o.sigmaZDriven as Operator, sigmaZUndriven: o.sigmaZUndriven as Operator },
        parameters: { ...m.parameters },
      };
    },
  },
  'undriven-atom-laser-cumulants': {
    kind: 'order-parameter',
    title: 'superradiant laser with Nd driven and Nud undriven atoms: second-order cumulant equations',
    equation: 'App. 7.A',
    parameters: undrivenAtomLaserCumulantsParameters,
    channels: {
      szDriven: 'real: s^z_d = ⟨σz⟩ of a driven atom',
      szUndriven: 'real: s^z_ud = ⟨σz⟩ of an undriven atom',
      photons: 'real: ⟨a†a⟩',
      photonsPerAtom: 'real: ⟨a†a⟩/(Nd + Nud)',
      pairDriven: 'real: ⟨σ+σ−⟩ of two driven atoms',
      pairUndriven: 'real: ⟨σ+σ−⟩ of two undriven atoms',
      pairMixed: 'complex: ⟨σ+_dσ−_ud⟩',
      aSigmaPlusDriven: 'complex: ⟨aσ+_d⟩',
      aSigmaPlusUndriven: 'complex: ⟨aσ+_ud⟩',
    },
    build: (p) => undrivenAtomLaserCumulants(p as never),
  },
  'undriven-atom-laser-mean-field': {
    kind: 'order-parameter',
    title: 'superradiant laser with a fraction pd of driven atoms: mean-field equations (N → ∞)',
    equation: '7.3',
    parameters: undrivenAtomLaserMeanFieldParameters,
    channels: { ...undrivenAtomLaserSpinChannels, alpha: 'complex: the cavity amplitude α', photonsPerAtom: 'real: |α|²/N' },
    build: (p) => undrivenAtomLaserMeanField(p as never),
  },
  'undriven-atom-laser-bad-cavity': {
    kind: 'order-parameter',
    title: 'superradiant laser with a fraction pd of driven atoms: bad-cavity mean field (traveling waves)',
    equation: '7.4',
    parameters: undrivenAtomLaserBadCavityParameters,
    channels: undrivenAtomLaserSpinChannels,
    build: (p) => undrivenAtomLaserBadCavity(p as never),
  },
  'undriven-atom-laser-good-cavity': {
    kind: 'order-parameter',
    title: 'superradiant laser with a fraction pd of driven atoms: good cavity, the atoms eliminated (no shift)',
    equation: '7.9',
    parameters: undrivenAtomLaserGoodCavityParameters,
    channels: {
      alpha: 'complex: the cavity amplitude α',
      photonsPerAtom: 'real: |α|²/N',
      szDriven: 'real: s^z_d, following α adiabatically',
      szUndriven: 'real: s^z_ud, following α adiabatically',
    },
    build: (p) => undrivenAtomLaserGoodCavity(p as never),
  },
};
