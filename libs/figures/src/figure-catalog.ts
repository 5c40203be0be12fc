import { figure26 } from './figure-2-6';
import type { FigureRecipe } from './figure-types';

/** The thesis figures qsync reproduces, by figure number. */
export const figureCatalog: Readonly<Record<string, FigureRecipe>> = {
  [figure26.id]: figure26,
};
