#!/usr/bin/python3
"""Reference stationary points of the printed cumulant equations of thesis App. 7.A (scipy).

Regenerates test/fixtures/scipy-undriven-laser.json. Run from the repository root with the
system Python (Debian's python3-numpy and python3-scipy):

    /usr/bin/python3 tools/reference/scipy_undriven_laser.py

It takes about ten seconds. Options: --out PATH writes elsewhere.

The eight equations of App. 7.A (superradiant laser with N_d driven and N_ud undriven atoms,
second-order cumulants, U(1)-symmetric moments only) are transcribed below from the thesis as
printed, with Γ = γ− + 2γz, in the variables
    s^z_d, s^z_ud, ⟨a†a⟩, ⟨a†σ−_d⟩, ⟨a†σ−_ud⟩, ⟨σ+_dσ−_d'⟩, ⟨σ+_udσ−_ud'⟩, ⟨σ+_dσ−_ud⟩
(three of them complex: 11 real unknowns). Nothing here comes from qsync's TypeScript.

Cases:
- `rescaled_rates`: N = 10³, p_d = 0.95, κ = 10√N Ω, γ+ = V = 2NΩ²/κ, γ− = γz = 0 at Ω = 0.05
  and 0.158 — the same point in units of V. LSODA (rtol 1e-12, atol 1e-15) from all atoms in
  |0⟩ and the field empty, in spans of 2000/V until a span moves no moment (in its unit:
  ⟨a†a⟩/N, ⟨a†σ−⟩/√N, spin moments as they are) by more than 1e-13. With γ− = γz = 0 the
  quantity 4⟨σ+_udσ−_ud'⟩ + (s^z_ud)² is conserved (1 from that start), so the end point is
  also polished by fsolve with that law in place of the ⟨σ+_udσ−_ud'⟩ equation; both are stored.
- `two_undriven_of_1e5`: N = 10⁵, N_ud = 2, Ω = 5/√N, κ = 50, γ+ = V = 1, γ− = γz = 0. No
  integration reaches it in reasonable time (slowest rates 2e-5 V), so the stationary point is
  found by fsolve with 4⟨σ+_udσ−_ud'⟩ + (s^z_ud)² = 1 replacing the pair's equation, from
  s^z_d = 1/2, the undriven spins on the equator and ⟨a†a⟩ from the s^z_d balance. Stored
  with the eigenvalues of the Jacobian of the full (unconstrained) right-hand side in units
  of V (central differences, exact for these quadratic equations up to rounding).
- `bistable_pd_0.7`: N = 10³, N_d = 700, Ω = 0.01, κ = 10√N Ω, γ+ = V, γ− = γz = 0.01 V, where
  the equations have two stable roots (weak field, lasing) and a saddle between them. Each root
  by fsolve of all eight equations, started from a guess of (s^z_d, s^z_ud) with the other nine
  moments solved from the equations at that (s^z_d, s^z_ud) (there they are affine in them); stored
  with its largest Jacobian eigenvalue (> 0 for the saddle).

Each value is stored with the parameters it belongs to; floats are rounded to 15 significant
digits, complex numbers are [re, im].
"""

import argparse
import json
import os
import platform
import sys

import numpy as np
import scipy
from scipy.integrate import solve_ivp
from scipy.optimize import fsolve

SIG_DIGITS = 15
NAMES = ["s^z_d", "s^z_ud", "<a^dag a>", "Re <a^dag sigma-_d>", "Im <a^dag sigma-_d>",
         "Re <a^dag sigma-_ud>", "Im <a^dag sigma-_ud>", "<sigma+_d sigma-_d'>",
         "<sigma+_ud sigma-_ud'>", "Re <sigma+_d sigma-_ud>", "Im <sigma+_d sigma-_ud>"]
PAIR_UD = 8  # index of ⟨σ+_udσ−_ud'⟩, whose equation the conservation law replaces


def rnd(x):
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    return float(f"{float(x):.{SIG_DIGITS}g}")


def app7a(u, p):
    """Right-hand side of thesis App. 7.A, as printed."""
    szd, szud, n, xdr, xdi, xur, xui, cdd, cuu, cdur, cdui = u
    Om, kappa, gp, gm, gz, Nd, Nud = (p[k] for k in ("Omega", "kappa", "gammaPlus", "gammaMinus", "gammaZ", "Nd", "Nud"))
    G = gm + 2 * gz
    xd = complex(xdr, xdi)  # ⟨a†σ−_d⟩
    xu = complex(xur, xui)  # ⟨a†σ−_ud⟩
    cdu = complex(cdur, cdui)  # ⟨σ+_dσ−_ud⟩; ⟨σ+_udσ−_d⟩ is its conjugate
    d_szd = -gm * (szd + 1) - gp * (szd - 1) - 4 * Om * xd.imag
    d_szud = -gm * (szud + 1) - 4 * Om * xu.imag
    d_n = -kappa * n + 2 * Om * (Nd * xd.imag + Nud * xu.imag)
    d_xd = -(gp + G + kappa) * xd / 2 + 1j * Om * ((Nd - 1) * cdd + (1 + szd) / 2 + Nud * cdu.conjugate() + n * szd)
    d_xu = -(G + kappa) * xu / 2 + 1j * Om * ((Nud - 1) * cuu + (1 + szud) / 2 + Nd * cdu + n * szud)
    d_cdd = -(gp + G) * cdd + 2 * Om * szd * xd.imag
    d_cuu = -G * cuu + 2 * Om * szud * xu.imag
    d_cdu = -(gp / 2 + G) * cdu + 1j * Om * (szud * xd.conjugate() - szd * xu)
    return np.array([d_szd, d_szud, d_n, d_xd.real, d_xd.imag, d_xu.real, d_xu.imag, d_cdd, d_cuu, d_cdu.real, d_cdu.imag])


def units(p):
    """Each moment's unit: ⟨a†a⟩ in N, ⟨a†σ−⟩ in √N, spin moments as they are."""
    N = p["Nd"] + p["Nud"]
    return np.array([1, 1, N, np.sqrt(N), np.sqrt(N), np.sqrt(N), np.sqrt(N), 1, 1, 1, 1], dtype=float)


def constrained(u, p, rate):
    """App. 7.A in units (divided by `rate`), the ⟨σ+_udσ−_ud'⟩ equation replaced by 4c + (s^z_ud)² − 1."""
    r = app7a(u, p) / units(p) / rate
    r[PAIR_UD] = 4 * u[PAIR_UD] + u[1] ** 2 - 1
    return r


def polish(u0, p, rate):
    sol, info, ier, msg = fsolve(lambda u: constrained(u, p, rate), u0, full_output=True, xtol=1e-14)
    if ier != 1:
        raise RuntimeError(f"fsolve did not converge: {msg}")
    return sol


def jacobian_eigenvalues(u, p, rate):
    """Eigenvalues of ∂(App. 7.A)/∂u in units of `rate`, by central differences in each moment's unit."""
    sc = units(p)
    h = 1e-6
    J = np.zeros((11, 11))
    for j in range(11):
        e = np.zeros(11)
        e[j] = h * sc[j]
        # ∂(F_i/sc_i)/∂(u_j/sc_j): similar to the raw Jacobian, with entries of comparable size
        J[:, j] = (app7a(u + e, p) - app7a(u - e, p)) / (2 * h) / sc / rate
    ev = np.linalg.eigvals(J)
    return ev[np.lexsort((ev.imag, -ev.real))]


def in_units(u, p):
    return u / units(p)


def rescaled_rates_point(Omega):
    N = 1000
    kappa = 10 * np.sqrt(N) * Omega
    V = 2 * N * Omega ** 2 / kappa
    p = {"N": N, "Nd": 950, "Nud": 50, "Omega": Omega, "kappa": kappa, "gammaPlus": V, "gammaMinus": 0.0, "gammaZ": 0.0, "V": V}
    u = np.array([-1.0, -1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    t, span, tol = 0.0, 2000 / V, 1e-13
    rhs = lambda _t, y: app7a(y, p)  # noqa: E731
    while True:
        s = solve_ivp(rhs, [t, t + span], u, method="LSODA", rtol=1e-12, atol=1e-15)
        if not s.success:
            raise RuntimeError(s.message)
        v = s.y[:, -1]
        moved = np.max(np.abs(in_units(v, p) - in_units(u, p)))
        u, t = v, t + span
        if moved <= tol:
            break
        if t * V > 1e5:
            raise RuntimeError(f"LSODA not stationary by t = {t} (last span moved {moved})")
    root = polish(u, p, V)
    return {
        "params": {k: rnd(v) for k, v in p.items()},
        "start": "s^z_d = s^z_ud = -1, every other moment 0",
        "lsoda": {"rtol": 1e-12, "atol": 1e-15, "span_times_V": 2000, "stop_when_span_moves_below": tol, "t_end_times_V": rnd(t * V),
                  "last_span_moved": rnd(moved), "residual_in_units_over_V": rnd(np.max(np.abs(app7a(u, p) / units(p) / V)))},
        "photons_per_atom": rnd(u[2] / N),
        "sz_driven": rnd(u[0]),
        "sz_undriven": rnd(u[1]),
        "conserved_4pair_ud_plus_sz_ud_squared": rnd(4 * u[PAIR_UD] + u[1] ** 2),
        "fsolve_polished_photons_per_atom": rnd(root[2] / N),
        "lsoda_vs_fsolve_max_diff_in_units": rnd(np.max(np.abs(in_units(u, p) - in_units(root, p)))),
    }


def two_undriven_point():
    N = 100000
    p = {"N": N, "Nd": N - 2, "Nud": 2, "Omega": 5 / np.sqrt(N), "kappa": 50.0, "gammaPlus": 1.0, "gammaMinus": 0.0, "gammaZ": 0.0, "V": 1.0}
    # s^z_d = 1/2 (γ+ = V); Im⟨a†σ−_d⟩ from the s^z_d balance; ⟨a†a⟩ ≈ N/200; undriven spins on the equator
    szd = 0.5
    u0 = np.array([szd, 0.0, N * 0.005, 0.0, p["gammaPlus"] * (1 - szd) / (4 * p["Omega"]), 0.0, 0.0, 0.2, 0.25, 0.1, 0.0])
    u = polish(u0, p, p["V"])
    ev = jacobian_eigenvalues(u, p, p["V"])
    return {
        "params": {k: rnd(v) for k, v in p.items()},
        "method": "fsolve (xtol 1e-14) of App. 7.A in units, the <sigma+_ud sigma-_ud'> equation replaced by 4<sigma+_ud sigma-_ud'> + (s^z_ud)^2 = 1",
        "start": "s^z_d = 1/2, <a^dag a> = N/200, Im<a^dag sigma-_d> = gammaPlus (1 - s^z_d)/(4 Omega), s^z_ud = 0, <sigma+_d sigma-_d'> = 0.2, <sigma+_ud sigma-_ud'> = 0.25, <sigma+_d sigma-_ud> = 0.1",
        "residual_in_units_over_V": rnd(np.max(np.abs(app7a(u, p) / units(p) / p["V"]))),
        "photons_per_atom": rnd(u[2] / N),
        "sz_driven": rnd(u[0]),
        "sz_undriven": rnd(u[1]),
        "pair_undriven": rnd(u[PAIR_UD]),
        "conserved_4pair_ud_plus_sz_ud_squared": rnd(4 * u[PAIR_UD] + u[1] ** 2),
        # eigenvalues of the full Jacobian in units of V, by real part descending: first the
        # conserved direction (0), then the slow modes
        "jacobian_eigenvalues_over_V": [[rnd(z.real), rnd(z.imag)] for z in ev[:6]],
        "slowest_decay_rates_over_V": rnd(np.sort(ev.real)[::-1][1:4]),
    }


def bistable_roots():
    N = 1000
    Omega = 0.01
    kappa = 10 * np.sqrt(N) * Omega
    V = 2 * N * Omega ** 2 / kappa
    p = {"N": N, "Nd": 700, "Nud": 300, "Omega": Omega, "kappa": kappa, "gammaPlus": V, "gammaMinus": 0.01 * V, "gammaZ": 0.01 * V, "V": V}
    rest = list(range(2, 11))

    def complete(szd, szud):
        # at fixed s^z every product in App. 7.A holds an s^z: the rest of the right-hand side is affine
        u = np.zeros(11)
        u[0], u[1] = szd, szud
        c = app7a(u, p)[rest]
        A = np.zeros((9, 9))
        for b, j in enumerate(rest):
            w = u.copy()
            w[j] = 1
            A[:, b] = app7a(w, p)[rest] - c
        u[rest] = np.linalg.solve(A, -c)
        return u

    roots = {}
    for name, guess in {"saddle": (0.89, -0.39), "lasing": (0.75, -0.02), "weak": (0.96, -0.88)}.items():
        u, info, ier, msg = fsolve(lambda v: app7a(v, p) / units(p) / V, complete(*guess), full_output=True, xtol=1e-14)
        residual = np.max(np.abs(app7a(u, p) / units(p) / V))
        if residual > 1e-13:
            raise RuntimeError(f"fsolve did not find the {name} root: {msg}")
        ev = jacobian_eigenvalues(u, p, V)
        roots[name] = {
            "start_sz_driven_sz_undriven": list(guess),
            "sz_driven": rnd(u[0]),
            "sz_undriven": rnd(u[1]),
            "photons": rnd(u[2]),
            "residual_in_units_over_V": rnd(residual),
            "largest_jacobian_eigenvalue_real": rnd(ev[0].real * V),
        }
    return {"params": {k: rnd(v) for k, v in p.items()}, "roots": roots}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "test", "fixtures", "scipy-undriven-laser.json")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=default)
    args = ap.parse_args()
    data = {
        "script": "tools/reference/scipy_undriven_laser.py",
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "conventions": {
            "model": "thesis App. 7.A (second-order cumulants, the eight printed equations), Gamma = gammaMinus + 2 gammaZ",
            "moments": NAMES,
            "units": "<a^dag a>/N, <a^dag sigma->/sqrt(N), spin moments as they are",
            "N": "Nd + Nud",
        },
        "cases": {
            "rescaled_rates": {f"Omega_{O}": rescaled_rates_point(O) for O in (0.05, 0.158)},
            "two_undriven_of_1e5": two_undriven_point(),
            "bistable_pd_0.7": bistable_roots(),
        },
    }
    with open(args.out, "w") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
