import { figure21 } from './figure-2-1';
import { figure22 } from './figure-2-2';
import { figure23 } from './figure-2-3';
import { figure24 } from './figure-2-4';
import { figure25 } from './figure-2-5';
import { figure26 } from './figure-2-6';
import { figure27 } from './figure-2-7';
import { figure28 } from './figure-2-8';
import { figure29 } from './figure-2-9';
import { figure41 } from './figure-4-1';
import { figure42 } from './figure-4-2';
import { figure43 } from './figure-4-3';
import { figure44 } from './figure-4-4';
import { figure45 } from './figure-4-5';
import { figure46 } from './figure-4-6';
import { figure47 } from './figure-4-7';
import { figure48 } from './figure-4-8';
import { figure49 } from './figure-4-9';
import { figure410 } from './figure-4-10';
import { figure72 } from './figure-7-2';
import { figure73 } from './figure-7-3';
import { figure74 } from './figure-7-4';
import { figure75 } from './figure-7-5';
import type { FigureRecipe } from './figure-types';

/** The thesis figures qsync reproduces, by figure number. */
export const figureCatalog: Readonly<Record<string, FigureRecipe>> = Object.fromEntries(
  [figure21, figure22, figure23, figure24, figure25, figure26, figure27, figure28, figure29, figure41, figure42, figure43, figure44, figure45, figure46, figure47, figure48, figure49, figure410, figure72, figure73, figure74, figure75].map((f) => [f.id, f]),
);
