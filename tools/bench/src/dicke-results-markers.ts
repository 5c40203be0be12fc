/**
 * The markers around the permutation-invariant results section of tools/bench/README.md, which a
 * full `npm run bench:dicke` rewrites (`replaceSection(text, report, start, end)`).
 *
 * @example
 * DICKE_RESULTS_MARKERS.start; // '<!-- dicke-results:start -->'
 */
export const DICKE_RESULTS_MARKERS = { start: '<!-- dicke-results:start -->', end: '<!-- dicke-results:end -->' } as const;
