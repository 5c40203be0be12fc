import type { Lindbladian, Operator, Space } from '@qsync/operators';
import { coupledVanDerPol, coupledVanDerPolParameters } from './coupled-van-der-pol';
import type { ParameterTable } from './parameters';
import { quantumVanDerPol, quantumVanDerPolParameters } from './quantum-van-der-pol';

/** What every model built from a scenario offers: a generator and named operators to measure. */
export interface ModelInstance {
  readonly space: Space;
  readonly lindbladian: Lindbladian;
  readonly operators: Readonly<Record<string, Operator>>;
  /** The single-mode Fock spaces, by mode name, for states and phase-space probes. */
  readonly modes: Readonly<Record<string, Space>>;
  readonly parameters: Readonly<Record<string, number>>;
}

/** One model as the scenario runner sees it. */
export interface ModelEntry {
  readonly title: string;
  /** The thesis equation the model implements. */
  readonly equation: string;
  readonly parameters: ParameterTable;
  build(parameters: Readonly<Record<string, unknown>>): ModelInstance;
}

/** The models a scenario can name, by name. Parameters are validated by each builder. */
export const modelCatalog: Readonly<Record<string, ModelEntry>> = {
  'quantum-vdp': {
    title: 'quantum van-der-Pol oscillator',
    equation: '4.1',
    parameters: quantumVanDerPolParameters,
    build(p) {
      const m = quantumVanDerPol(p as never);
      return { ...m, modes: { a: m.space }, operators: m.operators, parameters: { ...m.parameters } };
    },
  },
  'coupled-quantum-vdp': {
    title: 'two dissipatively coupled quantum van-der-Pol oscillators',
    equation: '4.8',
    parameters: coupledVanDerPolParameters,
    build(p) {
      const m = coupledVanDerPol(p as never);
      return { ...m, modes: { a: m.modeA, b: m.modeB }, operators: m.operators, parameters: { ...m.parameters } };
    },
  },
};
