import { dickeLindbladian, dickeSpace, dickeSpin, type DickeLindbladian } from '@qsync/operators';
import { DICKE_BENCH_PARAMS } from './dicke-bench-params';

/**
 * The generator of the benchmark problem ({@link DICKE_BENCH_PARAMS}) for N spins.
 *
 * @param n - number of spins N
 * @example
 * dickeBenchLindbladian(10).local; // { gain: 1, loss: 0.2, dephasing: 0.1 }
 */
export function dickeBenchLindbladian(n: number): DickeLindbladian {
  const s = dickeSpace(n);
  const p = DICKE_BENCH_PARAMS;
  return dickeLindbladian(s, null, [{ rate: p.V / n, jump: dickeSpin(s, '-') }], {
    gain: p.gammaPlus,
    loss: p.gammaMinus,
    dephasing: p.gammaZ,
  });
}
