#!/usr/bin/python3
"""QuTiP PIQS reference data for the spin ensemble of thesis Sec. 4.2.3.

Regenerates test/fixtures/qutip-piqs.json. Run from the repository root with the system
Python that has QuTiP 4.7 (Debian's python3-qutip), not a venv python:

    /usr/bin/python3 tools/reference/qutip_piqs.py            # a few seconds
    /usr/bin/python3 tools/reference/qutip_piqs.py --out PATH

Model (thesis Eq. 4.52 with local dephasing), N spins-1/2:
    dρ/dt = (V/N) D[S−]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i] + γz D[σz_i])ρ
with S− = Σ_i σ−_i, σz = |1⟩⟨1| − |0⟩⟨0| and D[o]ρ = oρo† − ½{o†o, ρ}.

PIQS's parameters (qutip/piqs.py, class Dicke, and qutip/cy/piqs.pyx):
    pumping = γ+              (γ_P Σ_i D[J+_i], J+_i = σ+_i)
    emission = γ−             (γ_E Σ_i D[J−_i])
    dephasing = 4 γz          (γ_D Σ_i D[Jz_i] with Jz_i = σz_i/2, so γ_D D[σz/2] = (γ_D/4) D[σz])
    collective_emission = V/N (γ_CE D[J−], J− = S−)
Its Dicke-basis density matrix is block diagonal, one block per j = N/2, N/2 − 1, …, with rows
ordered m = j, j − 1, …, −j inside a block (m descending), and Tr ρ = Σ_j Tr ρ_j (the blocks
are the full state traced over the d_j copies, as in qsync's DickeState).

Steady state: QuTiP's direct steadystate fails on PIQS Liouvillians with "Factor is exactly
singular": the Liouvillian is nds²×nds² and has all-zero rows and columns for every entry between
different j blocks, which are not part of the representation. steadystate(L, method="power",
use_rcm=False) works (inverse power iteration with a small shift, then normalisation).

PIQS computes its Liouvillian coefficients in single precision (cdef float in the Cython
class), so its entries carry relative errors up to ~6e-8; the stored observables inherit that.

Every float is rounded to 15 significant digits.
"""

import argparse
import json
import os
import platform
import sys
import time

import numpy as np
import scipy

SIG_DIGITS = 15


def rnd(x):
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    if isinstance(x, (complex, np.complexfloating)):
        return [rnd(x.real), rnd(x.imag)]
    if isinstance(x, (int, np.integer)):
        return int(x)
    return float(f"{float(x):.{SIG_DIGITS}g}")


def piqs_case(qutip, piqs, p):
    """Steady state of one parameter point by PIQS, with its observables and populations."""
    N = p["N"]
    system = piqs.Dicke(
        N,
        pumping=p["gammaPlus"],
        emission=p["gammaMinus"],
        dephasing=4 * p["gammaZ"],
        collective_emission=p["V"] / N,
    )
    L = system.liouvillian()
    direct_error = None
    try:
        qutip.steadystate(L)
    except Exception as e:  # noqa: BLE001 — the point is to record what it says
        direct_error = str(e)
    rho = qutip.steadystate(L, method="power", use_rcm=False)
    jz = piqs.jspin(N, "z")
    jp = piqs.jspin(N, "+")
    jm = piqs.jspin(N, "-")
    Sz = qutip.expect(jz, rho)
    SpSm = qutip.expect(jp * jm, rho)
    SzSz = qutip.expect(jz * jz, rho)
    trace = rho.tr()
    residual = np.linalg.norm((L * qutip.operator_to_vector(rho)).full())
    # populations ρ_j(m, m) in PIQS's order: j = N/2 down, m = j down to −j
    dense = rho.full()
    pops = []
    offdiag = 0.0
    k = 0
    j = N / 2
    while j >= 0:
        d = int(round(2 * j + 1))
        block = dense[k:k + d, k:k + d]
        for a in range(d):
            pops.append({"j": j, "m": j - a, "p": rnd(block[a, a].real)})
        offdiag = max(offdiag, float(np.max(np.abs(block - np.diag(np.diag(block))))))
        k += d
        j -= 1
    # How much single-precision coefficients alone move the observables: the same solve with every
    # stored entry of L perturbed by a random relative ±6e-8 (the rounding of a float), 4 draws.
    rng = np.random.default_rng(2026)
    spread = 0.0
    for _ in range(4):
        Lp = L.copy()
        Lp.data.data[:] = Lp.data.data * (1 + 6e-8 * rng.uniform(-1, 1, Lp.data.data.shape))
        rp = qutip.steadystate(Lp, method="power", use_rcm=False)
        for op, ref in ((jz, Sz), (jp * jm, SpSm), (jz * jz, SzSz)):
            spread = max(spread, abs(qutip.expect(op, rp) / ref - 1))
    return {
        "parameters": p,
        "float32_sensitivity": rnd(spread),
        "piqs_parameters": {
            "pumping": p["gammaPlus"],
            "emission": p["gammaMinus"],
            "dephasing": 4 * p["gammaZ"],
            "collective_emission": p["V"] / N,
        },
        "nds": int(system.nds),
        "direct_steadystate_error": direct_error,
        "Sz": rnd(Sz.real),
        "SpSm": rnd(SpSm.real),
        "SzSz": rnd(SzSz.real),
        "trace": rnd(trace.real),
        "residual_norm_Lrho": rnd(residual),
        "max_abs_coherence": rnd(offdiag),
        "populations": pops,
    }


def spectrum_case(qutip, piqs, p):
    """All eigenvalues of PIQS's Liouvillian at small N, to show what is wrong with them."""
    N = p["N"]
    system = piqs.Dicke(
        N,
        pumping=p["gammaPlus"],
        emission=p["gammaMinus"],
        dephasing=4 * p["gammaZ"],
        collective_emission=p["V"] / N,
    )
    L = system.liouvillian().full()
    ev = np.linalg.eigvals(L)
    order = np.lexsort((ev.imag, -ev.real))
    ev = ev[order]
    zero_rows = int(np.sum(np.all(L == 0, axis=1)))
    return {
        "parameters": p,
        "liouvillian_shape": list(L.shape),
        "all_zero_rows": zero_rows,
        "eigenvalues_re": rnd(ev.real),
        "eigenvalues_im": rnd(ev.imag),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--out", default=os.path.join(root, "test", "fixtures", "qutip-piqs.json"))
    args = parser.parse_args()

    # QuTiP 4.7 may print a calibration message on stdout at its first import: keep stdout clean.
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        import qutip
        from qutip import piqs
    finally:
        os.dup2(saved, 1)
        os.close(saved)

    points = {
        "gain_above_loss_dephased": {"N": 10, "V": 4.0, "gammaPlus": 1.0, "gammaMinus": 0.2, "gammaZ": 0.1},
        "gain_below_loss": {"N": 10, "V": 2.0, "gammaPlus": 0.3, "gammaMinus": 1.0, "gammaZ": 0.0},
        "gain_above_loss": {"N": 10, "V": 6.0, "gammaPlus": 1.5, "gammaMinus": 0.5, "gammaZ": 0.0},
    }
    cases = {}
    for name, p in points.items():
        t0 = time.perf_counter()
        cases[name] = piqs_case(qutip, piqs, p)
        print(f"{name}: {time.perf_counter() - t0:.2f} s", file=sys.stderr)
    spectrum = spectrum_case(qutip, piqs, {"N": 4, "V": 3.0, "gammaPlus": 1.0, "gammaMinus": 0.2, "gammaZ": 0.15})

    out = {
        "generator": "tools/reference/qutip_piqs.py",
        "qutip_version": qutip.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "model": "dρ/dt = (V/N) D[S−]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i] + γz D[σz_i])ρ, thesis Eq. 4.52 with local dephasing",
        "conventions": {
            "piqs_mapping": "pumping = γ+, emission = γ−, dephasing = 4γz (PIQS's jump is σz/2), collective_emission = V/N",
            "Sz": "jspin(N, 'z') = ½ Σ_i σz_i",
            "block_order": "j = N/2 down to 0 or ½; inside a block m = j down to −j",
            "steady_state": "qutip.steadystate(L, method='power', use_rcm=False); the direct method's error is stored",
            "precision": "PIQS builds its Liouvillian coefficients in single precision (cdef float): entries carry ~6e-8 relative error",
        },
        "cases": cases,
        "spectrum_n4": spectrum,
    }
    with open(args.out, "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
