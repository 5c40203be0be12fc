/**
 * Mean velocity and effective diffusion coefficient of the noisy Adler equation (thesis Eq. 2.25),
 * dφ = (δ − V sin φ) dt + σ dW, in the tilted washboard U(φ) = −δφ − V cos φ (Eq. 2.26), by the
 * closed forms of Reimann et al., Phys. Rev. Lett. 87, 010602 (2001), with noise intensity
 * Dn = σ²/2 and period L = 2π:
 *
 *   I₊(x) = (1/Dn) ∫₀^L e^{(U(x) − U(x − y))/Dn} dy,   I₋(x) = (1/Dn) ∫₀^L e^{(U(x + y) − U(x))/Dn} dy,
 *   v = L (1 − e^{−δL/Dn}) / ∫₀^L I₊ dx,   D_eff = Dn ⟨I₊² I₋⟩ / ⟨I₊⟩³   (⟨·⟩ the mean over a period),
 *
 * so that Var φ(t) grows as 2 D_eff t at late times. Test support: quadrature on a fixed grid
 * (x: periodic midpoint rule, spectrally accurate; y: composite Simpson), accurate to ~1e-8 when
 * the exponent changes by much less than 1 per y step (Dn/|δ| ≫ 2π/ny); for V = 0 it gives v = δ
 * and D_eff = Dn exactly.
 */
export function tiltedWashboardDiffusion(p: { delta: number; V: number; sigma: number }, nx = 256, ny = 2048): { velocity: number; diffusion: number } {
  const L = 2 * Math.PI;
  const dn = (p.sigma * p.sigma) / 2;
  const u = (x: number) => -p.delta * x - p.V * Math.cos(x);
  const h = L / ny;
  const simpson = (k: number) => ((k === 0 || k === ny ? 1 : k % 2 === 1 ? 4 : 2) * h) / 3;
  let sumP = 0;
  let sumPPM = 0;
  for (let i = 0; i < nx; i++) {
    const x = ((i + 0.5) * L) / nx;
    let ip = 0;
    let im = 0;
    for (let k = 0; k <= ny; k++) {
      const y = k * h;
      ip += simpson(k) * Math.exp((u(x) - u(x - y)) / dn);
      im += simpson(k) * Math.exp((u(x + y) - u(x)) / dn);
    }
    ip /= dn;
    im /= dn;
    sumP += ip / nx;
    sumPPM += (ip * ip * im) / nx;
  }
  return { velocity: (1 - Math.exp((-p.delta * L) / dn)) / sumP, diffusion: (dn * sumPPM) / sumP ** 3 };
}
