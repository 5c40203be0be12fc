#!/usr/bin/python3
"""QuTiP reference data for two coupled spin-1/2 oscillators (thesis Eq. 4.35).

Regenerates test/fixtures/qutip-spins.json. Run from the repository root with the
system Python that has QuTiP 4.7 (Debian's python3-qutip), not a venv python:

    /usr/bin/python3 tools/reference/qutip_spins.py

It takes a second. Options: --out PATH writes elsewhere (default
test/fixtures/qutip-spins.json relative to the repository root).

Model, thesis Eq. (4.35):
    dρ/dt = −i(δ/4)[σz_A − σz_B, ρ] + V D[σ−_A + σ−_B]ρ
            + γ+ (D[σ+_A] + D[σ+_B])ρ + γ− (D[σ−_A] + D[σ−_B])ρ
with D[o]ρ = oρo† − ½{o†o, ρ}.

Basis: qsync's, thesis Eq. (4.24): index 0 is |0⟩ (σz = −1), index 1 is |1⟩ (σz = +1),
σ+ = |1⟩⟨0|. QuTiP's own sigmap()/sigmaz() use the opposite order (basis(2, 0) has
σz = +1), so the script builds the matrices explicitly in qsync's order; the stored
density matrices can then be compared entry by entry. Tensor order A ⊗ B, A slow.

Every float is rounded to 15 significant digits; complex numbers are parallel
*_re / *_im arrays (row-major) or [re, im] pairs.
"""

import argparse
import json
import os
import platform
import sys

import numpy as np
import scipy
import qutip

SIG_DIGITS = 15


def rnd(x):
    """Round a float (or nested list/array of floats) to SIG_DIGITS significant digits."""
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    return float(f"{float(x):.{SIG_DIGITS}g}")


def cplx(z):
    z = complex(z)
    return [rnd(z.real), rnd(z.imag)]


# Single-spin matrices in qsync's basis (|0⟩, |1⟩), thesis Eq. (4.24).
SP = qutip.Qobj(np.array([[0, 0], [1, 0]], dtype=complex))  # σ+ = |1⟩⟨0|
SM = SP.dag()
SZ = qutip.Qobj(np.diag([-1.0, 1.0]).astype(complex))
I2 = qutip.qeye(2)


def two_spins(delta, V, gp, gm):
    spA, smA, szA = (qutip.tensor(o, I2) for o in (SP, SM, SZ))
    spB, smB, szB = (qutip.tensor(I2, o) for o in (SP, SM, SZ))
    H = (delta / 4) * (szA - szB)
    c_ops = [
        np.sqrt(V) * (smA + smB),
        np.sqrt(gp) * spA,
        np.sqrt(gp) * spB,
        np.sqrt(gm) * smA,
        np.sqrt(gm) * smB,
    ]
    ops = {"sigmaPlusASigmaMinusB": spA * smB, "sigmaZA": szA, "sigmaZB": szB, "sigmaPlusA": spA}
    return H, c_ops, ops


CASES = {
    # γ+ < γ−: s_z < 0, anti-phase locking (Fig. 4.8's regime)
    "loss_dominated": dict(delta=0.5, V=1.0, gammaPlus=0.5, gammaMinus=1.0),
    # γ+ > γ− + V: inverted (s_z > 0), in-phase locking
    "gain_dominated": dict(delta=0.8, V=1.0, gammaPlus=3.0, gammaMinus=0.3),
    # strong detuning against the coupling
    "detuned": dict(delta=5.0, V=0.7, gammaPlus=0.2, gammaMinus=1.0),
}


def solve(params):
    H, c_ops, ops = two_spins(params["delta"], params["V"], params["gammaPlus"], params["gammaMinus"])
    rho = qutip.steadystate(H, c_ops)  # direct sparse LU
    L = qutip.liouvillian(H, c_ops)
    residual = np.linalg.norm((L * qutip.operator_to_vector(rho)).full())
    rho_eig = qutip.steadystate(H, c_ops, method="eigen")
    m = rho.full()
    return {
        "params": params,
        "rho_re": rnd(m.real.flatten()),
        "rho_im": rnd(m.imag.flatten()),
        "expect": {k: cplx(qutip.expect(o, rho)) for k, o in ops.items()},
        "residual_norm_Lrho": rnd(residual),
        "eigen_method_max_abs_diff": rnd(np.max(np.abs(m - rho_eig.full()))),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "test", "fixtures", "qutip-spins.json")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=default)
    args = ap.parse_args()
    data = {
        "qutip_version": qutip.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "conventions": {
            "model": "thesis Eq. (4.35)",
            "basis": "index 0 = |0> (sigma_z = -1), index 1 = |1>; sigma_+ = |1><0| (thesis Eq. 4.24)",
            "tensor_order": "A (x) B, A slow",
            "rho_layout": "row-major 4x4, parallel rho_re / rho_im",
            "steady_state": "qutip.steadystate(H, c_ops), default direct method",
        },
        "cases": {name: solve(p) for name, p in CASES.items()},
    }
    with open(args.out, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
