#!/usr/bin/python3
"""QuTiP reference data for the superradiant laser with driven and undriven atoms (thesis Eq. 7.1, 7.18).

Regenerates test/fixtures/qutip-undriven-laser.json. Run from the repository root with the
system Python that has QuTiP 4.7 (Debian's python3-qutip), not a venv python:

    /usr/bin/python3 tools/reference/qutip_undriven_laser.py

It takes about a minute. Options: --out PATH writes elsewhere.

Model, thesis Eqs. (7.1) and (7.18), in the frame rotating at the atomic frequency:
    dρ/dt = −i[(ωc − ωs)a†a + Ω(a†S− + aS+), ρ] + κD[a]ρ + γ+ Σ_d D[σ+_d]ρ
            + Σ_all atoms (γ− D[σ−] + (γz/2) D[σz])ρ,   D[o]ρ = oρo† − ½{o†o, ρ}.

Basis: qsync's, thesis Eq. (4.24): spin index 0 is |0⟩ (σz = −1), index 1 is |1⟩, σ+ = |1⟩⟨0|
(QuTiP's sigmap()/sigmaz() use the opposite order, so the matrices are built here). Fock levels
0 … cutoff − 1, a = destroy(cutoff). Tensor order: cavity, driven atoms, undriven atoms.

Outputs per case: steady-state expectations (qutip.steadystate, direct) of a†a, the mean σz of
the driven and of the undriven atoms, ⟨a†σ−_d1⟩, ⟨σ+_d1σ−_d2⟩, ⟨σ+_d1σ−_u1⟩, ⟨σ+_u1σ−_u2⟩ (when
present) and the residual ‖Lρ‖; the emission spectrum S(ω) = 2 Re ∫₀^∞ e^{−iωτ}⟨a†(τ)a⟩ dτ
= 2 Re Tr[a† (iω − L)⁻¹(aρ)] (the convention of QuTiP's `spectrum` and thesis 7.15), by a
sparse LU solve per ω (QuTiP's own `spectrum` builds dense L of size dim², 10 GB here). On a
small case the sparse solve is cross-checked against qutip.spectrum(..., solver='pi')
(`pi_max_rel_diff`). Floats are rounded to 15 significant digits; complex numbers are [re, im].
"""

import argparse
import json
import os
import platform
import sys

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla
import qutip

SIG_DIGITS = 15


def rnd(x):
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    return float(f"{float(x):.{SIG_DIGITS}g}")


def cplx(z):
    z = complex(z)
    return [rnd(z.real), rnd(z.imag)]


SP = qutip.Qobj(np.array([[0, 0], [1, 0]], dtype=complex))  # σ+ = |1⟩⟨0|
SM = SP.dag()
SZ = qutip.Qobj(np.diag([-1.0, 1.0]).astype(complex))


def laser(nd, nud, cutoff, Omega, kappa, gammaPlus, gammaMinus, gammaZ, detuning):
    n_atoms = nd + nud
    dims = [cutoff] + [2] * n_atoms
    ids = [qutip.qeye(d) for d in dims]

    def on(site, op):
        f = list(ids)
        f[site] = op
        return qutip.tensor(f)

    a = on(0, qutip.destroy(cutoff))
    sp_ = [on(1 + i, SP) for i in range(n_atoms)]
    sm_ = [on(1 + i, SM) for i in range(n_atoms)]
    sz_ = [on(1 + i, SZ) for i in range(n_atoms)]
    s_minus = sum(sm_[1:], sm_[0])
    H = Omega * (a.dag() * s_minus + a * s_minus.dag()) + detuning * a.dag() * a
    c_ops = [np.sqrt(kappa) * a]
    c_ops += [np.sqrt(gammaPlus) * sp_[i] for i in range(nd)]
    c_ops += [np.sqrt(gammaMinus) * o for o in sm_]
    c_ops += [np.sqrt(gammaZ / 2) * o for o in sz_]
    ops = {
        "n": a.dag() * a,
        "sigmaZDriven": sum(sz_[1:nd], sz_[0]) / nd,
        "adagSigmaMinusD1": a.dag() * sm_[0],
    }
    if nud > 0:
        ops["sigmaZUndriven"] = sum(sz_[nd + 1:], sz_[nd]) / nud
        ops["sigmaPlusD1SigmaMinusU1"] = sp_[0] * sm_[nd]
    if nd > 1:
        ops["sigmaPlusD1SigmaMinusD2"] = sp_[0] * sm_[1]
    if nud > 1:
        ops["sigmaPlusU1SigmaMinusU2"] = sp_[nd] * sm_[nd + 1]
    return H, c_ops, a, ops


def sparse_spectrum(L, rho, a, omega):
    """S(ω) = 2 Re Tr[a† (iω − L)⁻¹ vec(aρ)], sparse LU per ω."""
    Ls = L.data.tocsc()
    n2 = Ls.shape[0]
    rhs = qutip.operator_to_vector(a * rho).full().ravel()
    out = []
    for w in omega:
        x = spla.spsolve((1j * w * sp.identity(n2, format="csc") - Ls).tocsc(), rhs)
        X = qutip.vector_to_operator(qutip.Qobj(x.reshape(-1, 1), dims=[rho.dims, [1]]))
        out.append(2 * np.real((a.dag() * X).tr()))
    return np.array(out)


CASES = {
    # the bench size: Nd = 3, Nud = 1, cutoff 10
    "bench": dict(Nd=3, Nud=1, cutoff=10, Omega=0.5, kappa=4.0, gammaPlus=1.0, gammaMinus=0.05, gammaZ=0.1, detuning=0.0),
    # two of each, detuned cavity
    "detuned": dict(Nd=2, Nud=2, cutoff=8, Omega=0.4, kappa=3.0, gammaPlus=1.5, gammaMinus=0.1, gammaZ=0.05, detuning=0.6),
}
OMEGA = [(k + 0.5) * 0.1 - 1.0 for k in range(20)]  # −0.95 … 0.95, avoiding ω = 0 where iω − L is singular


def solve(p):
    H, c_ops, a, ops = laser(p["Nd"], p["Nud"], p["cutoff"], p["Omega"], p["kappa"], p["gammaPlus"], p["gammaMinus"], p["gammaZ"], p["detuning"])
    rho = qutip.steadystate(H, c_ops)
    L = qutip.liouvillian(H, c_ops)
    # (L * vec in QuTiP 4.7 gives a zero Qobj here: multiply the sparse matrices directly)
    residual = np.linalg.norm(L.data @ qutip.operator_to_vector(rho).full())
    spec = sparse_spectrum(L, rho, a, OMEGA)
    return {
        "params": p,
        "expect": {k: cplx(qutip.expect(o, rho)) for k, o in ops.items()},
        "residual_norm_Lrho": rnd(residual),
        "top_fock_population": rnd(qutip.expect(qutip.tensor([qutip.fock_dm(p["cutoff"], p["cutoff"] - 1)] + [qutip.qeye(2)] * (p["Nd"] + p["Nud"])), rho)),
        "omega": rnd(OMEGA),
        "spectrum": rnd(spec),
    }


def cross_check():
    """The sparse spectrum against qutip.spectrum(solver='pi') on a small case."""
    p = dict(Nd=1, Nud=1, cutoff=4, Omega=0.6, kappa=2.0, gammaPlus=1.0, gammaMinus=0.1, gammaZ=0.2, detuning=0.3)
    H, c_ops, a, _ = laser(p["Nd"], p["Nud"], p["cutoff"], p["Omega"], p["kappa"], p["gammaPlus"], p["gammaMinus"], p["gammaZ"], p["detuning"])
    rho = qutip.steadystate(H, c_ops)
    mine = sparse_spectrum(qutip.liouvillian(H, c_ops), rho, a, OMEGA)
    theirs = qutip.spectrum(H, np.array(OMEGA), c_ops, a.dag(), a, solver="pi")
    return {"params": p, "pi_max_rel_diff": rnd(np.max(np.abs(mine - theirs)) / np.max(np.abs(theirs)))}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "test", "fixtures", "qutip-undriven-laser.json")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=default)
    args = ap.parse_args()
    data = {
        "qutip_version": qutip.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "conventions": {
            "model": "thesis Eqs. (7.1), (7.18), frame of the atomic frequency",
            "basis": "spin index 0 = |0> (sigma_z = -1), sigma_+ = |1><0| (thesis Eq. 4.24); Fock 0 .. cutoff-1",
            "tensor_order": "cavity, driven atoms, undriven atoms",
            "dephasing": "(gammaZ/2) D[sigma_z] per atom",
            "spectrum": "S(w) = 2 Re Tr[a^dag (i w - L)^-1 (a rho)] = 2 Re int_0^inf e^{-i w tau} <a^dag(tau) a> dtau",
            "steady_state": "qutip.steadystate(H, c_ops), default direct method",
        },
        "cross_check": cross_check(),
        "cases": {name: solve(p) for name, p in CASES.items()},
    }
    with open(args.out, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
