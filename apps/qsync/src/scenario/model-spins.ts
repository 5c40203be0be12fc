import type { ModelEntry, ModelInstance } from '@qsync/models';

/** Where a built model's spins-1/2 sit in its tensor product (from {@link modelSpins}). */
export interface ModelSpins {
  /** Their names in tensor order (distinguishable spins), or null for identical spins. */
  readonly names: readonly string[] | null;
  /** Tensor position of the first spin (after the Fock modes). */
  readonly first: number;
  readonly count: number;
}

/**
 * The spins-1/2 of a built quantum model as the catalog describes them (`spins` of the entry:
 * named, or N identical after the modes), checked against the kinds of the model's tensor
 * factors, so that a catalog entry that does not match its model fails loudly instead of
 * probing the wrong factor.
 *
 * @param entry - the model's catalog entry
 * @param model - the model built from it
 * @example
 * const entry = modelCatalog['superradiant-laser'];
 * modelSpins(entry, entry.build({ N: 3, cutoff: 3, Omega: 1, kappa: 10, gammaPlus: 1, gammaMinus: 0 })); // → { names: null, first: 1, count: 3 }
 */
export function modelSpins(entry: Extract<ModelEntry, { kind: 'quantum' }>, model: ModelInstance): ModelSpins {
  const factors = model.space.factors.length > 0 ? model.space.factors : [model.space];
  const first = entry.modes.length;
  const count = factors.length - first;
  const spins = entry.spins;
  const expected = spins === undefined ? 0 : 'names' in spins ? spins.names.length : count;
  if (count !== expected || factors.slice(first).some((f) => f.kind !== 'spin-1/2')) {
    throw new Error(
      `modelSpins: the catalog entry lists modes ${entry.modes.join(', ') || 'none'} and ${expected} spins, ` +
        `but the model's tensor factors are ${factors.map((f) => f.kind).join(' ⊗ ')}`,
    );
  }
  return { names: spins !== undefined && 'names' in spins ? spins.names : null, first, count };
}
