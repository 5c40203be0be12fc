/**
 * A root of f inside [lo, hi], where f(lo) and f(hi) have opposite signs, by the Illinois variant of
 * regula falsi: the secant through the two ends of the bracket, with the value at an end that stays
 * twice in a row halved so that the bracket shrinks from both sides (superlinear for smooth f). Stops
 * when the bracket is narrower than `tol` or f vanishes. Internal to the figures (not exported from
 * the library): Fig. 4.5 solves its self-consistency A = Tr[aρ_ss(A)] with it.
 *
 * @example
 * bracketedRoot((x) => x * x - 2, 0, 2, 1e-12); // ≈ 1.4142135623731
 */
export function bracketedRoot(f: (x: number) => number, lo: number, hi: number, tol: number): number {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi)) throw new Error(`bracketedRoot: need finite lo < hi, got [${lo}, ${hi}]`);
  if (!(tol > 0)) throw new Error(`bracketedRoot: 'tol' must be > 0, got ${tol}`);
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (!(Math.sign(fa) === -Math.sign(fb))) throw new Error(`bracketedRoot: f(${a}) = ${fa} and f(${b}) = ${fb} must be finite with opposite signs`);
  let side = 0;
  for (let k = 0; k < 200 && b - a > tol; k++) {
    let x = b - (fb * (b - a)) / (fb - fa);
    // rounding can put the secant point on an end: bisect then
    if (!(x > a && x < b)) x = 0.5 * (a + b);
    const fx = f(x);
    if (!Number.isFinite(fx)) throw new Error(`bracketedRoot: f(${x}) = ${fx} is not finite`);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(fa)) {
      a = x;
      fa = fx;
      if (side === -1) fb /= 2;
      side = -1;
    } else {
      b = x;
      fb = fx;
      if (side === 1) fa /= 2;
      side = 1;
    }
  }
  return 0.5 * (a + b);
}
