// @qsync/figures — the thesis's figures as streams: progress while they run, then their data.
export type {
  FigureCheck,
  FigureConfig,
  FigureData,
  FigureEvent,
  FigurePanel,
  FigureRecipe,
  FigureSeries,
  HeatmapPanel,
  LinePanel,
} from './figure-types';
export { resolveFigureConfig } from './figure-config';
export type { ResolvedFigureConfig } from './figure-config';
export { figureStream } from './figure-stream';
export type { FigureContext } from './figure-stream';
export { figureCatalog } from './figure-catalog';
export { figure21 } from './figure-2-1';
export { figure22 } from './figure-2-2';
export { figure23 } from './figure-2-3';
export { figure24 } from './figure-2-4';
export { figure25 } from './figure-2-5';
export { figure26 } from './figure-2-6';
export { figure27 } from './figure-2-7';
export { figure28 } from './figure-2-8';
export { figure29 } from './figure-2-9';
export { figure41 } from './figure-4-1';
export { figure42 } from './figure-4-2';
export { figure43 } from './figure-4-3';
export { figure44 } from './figure-4-4';
export { figure45 } from './figure-4-5';
export { figure46 } from './figure-4-6';
export { figure47 } from './figure-4-7';
export { figure48 } from './figure-4-8';
export { figure49 } from './figure-4-9';
export { figure410 } from './figure-4-10';
export { figure72 } from './figure-7-2';
export { figure73 } from './figure-7-3';
export { figure74 } from './figure-7-4';
export { figure75 } from './figure-7-5';
