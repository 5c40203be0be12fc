#!/usr/bin/python3
"""QuTiP reference ensembles for continuous measurement of the quantum van-der-Pol
oscillator (thesis Eq. 4.1, Fig. 4.1 parameters; Sec. 3.3 unravelings).

Regenerates test/fixtures/qutip-measurement.json. Run from the repository root with the
system Python that has QuTiP 4.7 (Debian's python3-qutip):

    /usr/bin/python3 tools/reference/qutip_measurement.py [--out PATH]

Model: dρ/dt = −i[ω a†a, ρ] + κ1 D[a†]ρ + κ2 D[a²]ρ + κ D[a]ρ, cutoff N (levels 0…N−1,
a† the transpose of the truncated a), ρ(0) = |α⟩⟨α| with the normalised truncated coherent
state. Three ensembles, each stored as the mean over trajectories of ⟨a⟩(t) and ⟨a†a⟩(t) with
the standard error of that mean (sample standard deviation / √ntraj), and the mean of
|⟨a⟩_c(t)|² over the trajectories (`abs2_a`, with `abs2_a_se`), which unlike the means depends on
the unraveling (how strongly the measurement localises the conditional state):

- `mcsolve`: quantum jumps (photon counting) on all three collapse operators √κ a, √κ1 a†,
  √κ2 a² (QuTiP's Monte-Carlo wave function; every channel is a jump channel).
- `smesolve_heterodyne`: the loss √κ a monitored by heterodyne detection (sc_ops), the gain and
  two-photon loss as unmonitored c_ops; conditional density matrix, Euler–Maruyama.
- `smesolve_homodyne`: the same with homodyne detection of x = a + a†.

The mesolve solution on the same grid is stored too, so each ensemble can be checked against
the master equation inside this script (`max_z_vs_mesolve`).

QuTiP 4.7's heterodyne convention (the heterodyne branch of `smesolve` in qutip/stochastic.py and the
measurement record in cy/stochastic.pyx): a monitored c = √κ a gives two stochastic
superoperators (c·ρ + ρ·c†)/√2 and −i(c·ρ − ρ·c†)/√2 driven by independent Wiener increments
dW1, dW2 (⟨dW²⟩ = dt), and two records m1 = ⟨c + c†⟩ + √2 dW1/dt, m2 = ⟨−i(c − c†)⟩ + √2 dW2/dt.
Hence (m1 + i m2)/2 = √κ⟨a⟩ + √(1/2)(dW1 + i dW2)/dt, which is the thesis's I_het of
Eq. (3.15) with dW_x = dW1, dW_y = dW2. Homodyne: one record m = ⟨c + c†⟩ + dW/dt.
"""

import argparse
import json
import os
import platform
import sys
import time

import numpy as np
import scipy
import qutip

SIG_DIGITS = 15


def rnd(x):
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    if isinstance(x, (int, np.integer)):
        return int(x)
    return float(f"{float(x):.{SIG_DIGITS}g}")


PARAMS = {"N": 10, "omega": 4.0, "kappa1": 4.0, "kappa": 1.0, "kappa2": 0.5,
          "alpha": [1.0, 0.0], "t_end": 2.0, "n_t": 21}


def model(p):
    N = p["N"]
    a = qutip.destroy(N)
    H = p["omega"] * a.dag() * a
    loss = np.sqrt(p["kappa"]) * a
    others = [np.sqrt(p["kappa1"]) * a.dag(), np.sqrt(p["kappa2"]) * a * a]
    return H, loss, others, a


def stats(per_traj):
    """mean and standard error over axis 0 of an (ntraj, n_t) complex array."""
    x = np.asarray(per_traj)
    n = x.shape[0]
    mean = x.mean(axis=0)
    se_re = x.real.std(axis=0, ddof=1) / np.sqrt(n)
    se_im = x.imag.std(axis=0, ddof=1) / np.sqrt(n)
    return mean, se_re, se_im


def pack(name, a_tr, n_tr, me_a, me_n, extra):
    ma, sa_re, sa_im = stats(a_tr)
    mn, sn_re, _ = stats(n_tr)
    # E|⟨a⟩_c|² depends on the unraveling (the measurement's backaction), unlike the means
    m2, s2, _ = stats(np.abs(np.asarray(a_tr)) ** 2)
    # how far each ensemble sits from the master equation, in standard errors
    z = max(
        float(np.max(np.abs(ma.real - me_a.real)[1:] / sa_re[1:])),
        float(np.max(np.abs(ma.imag - me_a.imag)[1:] / sa_im[1:])),
        float(np.max(np.abs(mn.real - me_n)[1:] / sn_re[1:])),
    )
    print(f"[{name}] max |mean − mesolve| / SE = {z:.2f}", file=sys.stderr, flush=True)
    return {
        **extra,
        "a_re": rnd(ma.real), "a_im": rnd(ma.imag), "a_se_re": rnd(sa_re), "a_se_im": rnd(sa_im),
        "n": rnd(mn.real), "n_se": rnd(sn_re),
        "abs2_a": rnd(m2.real), "abs2_a_se": rnd(s2),
        "max_z_vs_mesolve": rnd(z),
    }


def main():
    ap = argparse.ArgumentParser()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--out", default=os.path.join(root, "test", "fixtures", "qutip-measurement.json"))
    ap.add_argument("--ntraj-mc", type=int, default=1000)
    ap.add_argument("--ntraj-sme", type=int, default=1000)
    args = ap.parse_args()

    p = PARAMS
    H, loss, others, a = model(p)
    n_op = a.dag() * a
    psi0 = qutip.coherent(p["N"], complex(*p["alpha"]), method="analytic").unit()
    rho0 = qutip.ket2dm(psi0)
    t = np.linspace(0.0, p["t_end"], p["n_t"])

    me = qutip.mesolve(H, rho0, t, [loss] + others, [a, n_op],
                       options=qutip.Options(atol=1e-12, rtol=1e-10, nsteps=10**7))
    me_a, me_n = np.asarray(me.expect[0]), np.asarray(me.expect[1]).real

    out = {
        "description": "QuTiP 4.7 trajectory ensembles (mcsolve, smesolve heterodyne/homodyne) of the "
                       "quantum vdP oscillator, Eq. (4.1), monitoring the loss a; see tools/reference/qutip_measurement.py",
        "qutip_version": qutip.__version__, "numpy_version": np.__version__, "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "params": p,
        "conventions": {
            "dissipator": "D[o]rho = o rho o^dag - 1/2 {o^dag o, rho}",
            "initial_state": "coherent(N, alpha, method='analytic').unit() (normalised truncated series)",
            "standard_error": "sample std (ddof=1) over trajectories / sqrt(ntraj), real and imaginary parts separately",
            "heterodyne_current": "(m1 + i m2)/2 = sqrt(kappa)<a> + sqrt(1/2)(dW1 + i dW2)/dt = thesis Eq. (3.15)",
            "homodyne_current": "m = sqrt(kappa)<a + a^dag> + dW/dt",
        },
        "t": rnd(t),
        "mesolve": {"a_re": rnd(me_a.real), "a_im": rnd(me_a.imag), "n": rnd(me_n),
                    "atol": 1e-12, "rtol": 1e-10},
        "cases": {},
    }

    # photon counting: every collapse operator is a jump channel
    seeds_mc = list(range(1, args.ntraj_mc + 1))
    t0 = time.time()
    mc = qutip.mcsolve(H, psi0, t, [loss] + others, [a, n_op], ntraj=args.ntraj_mc,
                       options=qutip.Options(average_expect=False, seeds=seeds_mc, atol=1e-10, rtol=1e-8),
                       progress_bar=None)
    ea = np.array([np.asarray(mc.expect[k][0]) for k in range(args.ntraj_mc)])
    en = np.array([np.asarray(mc.expect[k][1]) for k in range(args.ntraj_mc)])
    out["cases"]["mcsolve"] = pack("mcsolve", ea, en, me_a, me_n, {
        "ntraj": args.ntraj_mc, "seeds": "Options(seeds=range(1, ntraj + 1))",
        "jump_channels": ["sqrt(kappa) a", "sqrt(kappa1) a^dag", "sqrt(kappa2) a^2"],
        "atol": 1e-10, "rtol": 1e-8, "seconds": rnd(time.time() - t0)})

    for method, seed in (("heterodyne", 11), ("homodyne", 12)):
        t0 = time.time()
        dt = 1e-3
        res = qutip.smesolve(H, rho0, t, c_ops=others, sc_ops=[loss], e_ops=[a, n_op],
                             ntraj=args.ntraj_sme, nsubsteps=int(round((t[1] - t[0]) / dt)),
                             method=method, solver="euler-maruyama", noise=seed,
                             store_all_expect=True, progress_bar=None)
        runs = np.asarray(res.runs_expect)  # [trajectory][e_op][t]
        ea = runs[:, 0, :]
        en = runs[:, 1, :]
        out["cases"][f"smesolve_{method}"] = pack(method, ea, en, me_a, me_n, {
            "ntraj": args.ntraj_sme, "dt": dt, "solver": "euler-maruyama", "noise_seed": seed,
            "monitored": "sqrt(kappa) a", "unmonitored_c_ops": ["sqrt(kappa1) a^dag", "sqrt(kappa2) a^2"],
            "seconds": rnd(time.time() - t0)})

    with open(args.out, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
