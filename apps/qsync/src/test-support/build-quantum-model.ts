import { modelCatalog, type ModelInstance } from '@qsync/models';

/** The quantum model `name` of the catalog built with `parameters` (throws for a classical model). */
export function buildQuantumModel(name: string, parameters: Readonly<Record<string, unknown>>): ModelInstance {
  const entry = modelCatalog[name];
  if (entry.kind !== 'quantum') throw new Error(`buildQuantumModel: '${name}' is a ${entry.kind} model, not a quantum one`);
  return entry.build(parameters);
}
