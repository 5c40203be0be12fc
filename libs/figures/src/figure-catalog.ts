import { figure26 } from './figure-2-6';
import { figure21 } from './figure-2-1';
import { figure22 } from './figure-2-2';
import { figure23 } from './figure-2-3';
import { figure24 } from './figure-2-4';
import { figure25 } from './figure-2-5';
import type { FigureRecipe } from './figure-types';

/** The thesis figures qsync reproduces, by figure number. */
export const figureCatalog: Readonly<Record<string, FigureRecipe>> = {
  [figure26.id]: figure26,
  [figure21.id]: figure21,
  [figure22.id]: figure22,
  [figure23.id]: figure23,
  [figure24.id]: figure24,
  [figure25.id]: figure25,
};
