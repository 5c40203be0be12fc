#!/usr/bin/python3
"""QuTiP reference spectra of two coupled quantum oscillators and two coupled spins (thesis Ch. 4).

Regenerates test/fixtures/qutip-spectrum.json. Run from the repository root with the
system Python that has QuTiP 4.7 (Debian's python3-qutip), not a venv python:

    /usr/bin/python3 tools/reference/qutip_spectrum.py        # about a minute on two cores
    /usr/bin/python3 tools/reference/qutip_spectrum.py --out /tmp/x.json

Each case is qutip.spectrum(H, wlist, c_ops, A, B) with solver 'es' (exponential series from
the eigendecomposition of the whole Liouvillian, exact up to rounding at this size), which
QuTiP 4.7 defines as S(ω) = 2 Re Σ_k c_k / (iω − λ_k) for the covariance
⟨A(τ)B(0)⟩ − ⟨A⟩⟨B⟩ = Σ_k c_k e^{λ_k τ}: two-sided, real, ⟨A⟩⟨B⟩ removed. Every case is
cross-checked with solver 'pi' (dense (iω − L)⁻¹ with the projector Q = 1 − ρ_ss Tr) at a few
frequencies; the largest relative difference is stored as `pi_check_max_rel_diff`.

Models
------
Two quantum vdP oscillators, thesis Eq. (4.8), a = destroy(N)⊗I, b = I⊗destroy(N):
    dρ/dt = κ1(D[a†]+D[b†])ρ + κ(D[a]+D[b])ρ + κ2(D[a²]+D[b²])ρ − i(δ/2)[a†a − b†b, ρ] + V D[a−b]ρ
Two spins-1/2, thesis Eq. (4.35), σ± = QuTiP's sigmap()/sigmam() on A and B:
    dρ/dt = −i(δ/4)[σzA − σzB, ρ] + V D[σ−A + σ−B]ρ + γ+(D[σ+A] + D[σ+B])ρ + γ−(D[σ−A] + D[σ−B])ρ
with D[o]ρ = oρo† − ½{o†o, ρ}. Spectra S_A = spectrum(…, a†, a) (or σ+A, σ−A) and
S_B = spectrum(…, b†, b) (σ+B, σ−B). Tensor order A ⊗ B. Floats rounded to 15 digits.
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
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    return float(f"{float(x):.{SIG_DIGITS}g}")


def vdp_pair(p, N):
    a = qutip.tensor(qutip.destroy(N), qutip.qeye(N))
    b = qutip.tensor(qutip.qeye(N), qutip.destroy(N))
    H = 0.5 * p["delta"] * (a.dag() * a - b.dag() * b)
    c_ops = []
    for rate, ops in (
        (p["kappa1"], (a.dag(), b.dag())),
        (p["kappa"], (a, b)),
        (p["kappa2"], (a * a, b * b)),
        (p["V"], (a - b,)),
    ):
        if rate > 0:
            c_ops += [np.sqrt(rate) * o for o in ops]
    return H, c_ops, (a.dag(), a), (b.dag(), b)


def spin_pair(p):
    sp = qutip.sigmap()
    sm = qutip.sigmam()
    sz = qutip.sigmaz()
    i2 = qutip.qeye(2)
    spA, spB = qutip.tensor(sp, i2), qutip.tensor(i2, sp)
    smA, smB = qutip.tensor(sm, i2), qutip.tensor(i2, sm)
    szA, szB = qutip.tensor(sz, i2), qutip.tensor(i2, sz)
    H = 0.25 * p["delta"] * (szA - szB)
    c_ops = []
    for rate, ops in (
        (p["V"], (smA + smB,)),
        (p["gamma_plus"], (spA, spB)),
        (p["gamma_minus"], (smA, smB)),
    ):
        if rate > 0:
            c_ops += [np.sqrt(rate) * o for o in ops]
    return H, c_ops, (spA, smA), (spB, smB)


def spectra(H, c_ops, opsA, opsB, w):
    sA = qutip.spectrum(H, w, c_ops, opsA[0], opsA[1], solver="es")
    sB = qutip.spectrum(H, w, c_ops, opsB[0], opsB[1], solver="es")
    # Cross-check with the 'pi' solver at the peak of S_A and two other frequencies.
    picks = sorted({int(np.argmax(sA)), 0, len(w) // 3})
    pi = qutip.spectrum(H, w[picks], c_ops, opsA[0], opsA[1], solver="pi")
    rel = float(np.max(np.abs(pi - sA[picks]) / np.abs(sA[picks])))
    print(f"  peak S_A {sA.max():.6g} at ω = {w[np.argmax(sA)]:.4g}; pi vs es {rel:.1e}", file=sys.stderr)
    return sA, sB, rel


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    ap.add_argument("--out", default=os.path.join(root, "test", "fixtures", "qutip-spectrum.json"))
    args = ap.parse_args()

    cases = {}
    N = 6
    for name, p, w in (
        ("vdp_fig44", dict(kappa=1.0, kappa1=3.0, kappa2=1.0, delta=5.0, V=2.0), np.linspace(-6, 6, 97)),
        ("vdp_small_delta", dict(kappa=0.5, kappa1=2.0, kappa2=0.4, delta=0.4, V=0.8), np.linspace(-3, 3, 97)),
    ):
        print(name, file=sys.stderr)
        H, c_ops, opsA, opsB = vdp_pair(p, N)
        sA, sB, rel = spectra(H, c_ops, opsA, opsB, w)
        cases[name] = dict(
            model="coupled quantum vdP, Eq. (4.8)", params=dict(p, N=N), A="a†, a", B="b†, b",
            omega=rnd(w), S_A=rnd(sA), S_B=rnd(sB), pi_check_max_rel_diff=rnd(rel),
        )
    for name, p, w in (
        ("spins_fig49", dict(gamma_minus=1.0, gamma_plus=0.5, delta=5.0, V=2.0), np.linspace(-6, 6, 97)),
        ("spins_small_delta", dict(gamma_minus=1.0, gamma_plus=0.8, delta=0.4, V=0.6), np.linspace(-3, 3, 97)),
    ):
        print(name, file=sys.stderr)
        H, c_ops, opsA, opsB = spin_pair(p)
        sA, sB, rel = spectra(H, c_ops, opsA, opsB, w)
        cases[name] = dict(
            model="two coupled spins-1/2, Eq. (4.35)", params=p, A="σ+A, σ−A", B="σ+B, σ−B",
            omega=rnd(w), S_A=rnd(sA), S_B=rnd(sB), pi_check_max_rel_diff=rnd(rel),
        )

    data = dict(
        generator="tools/reference/qutip_spectrum.py",
        qutip_version=qutip.__version__, numpy_version=np.__version__, scipy_version=scipy.__version__,
        python_version=platform.python_version(),
        conventions=(
            "qutip.spectrum(H, wlist, c_ops, A, B, solver='es'): S(ω) = ∫dτ e^{−iωτ}(⟨A(τ)B(0)⟩ − ⟨A⟩⟨B⟩) "
            "in the steady state = 2 Re Σ_k c_k/(iω − λ_k); two-sided, real; D[o]ρ = oρo† − ½{o†o, ρ}; "
            "c_ops = sqrt(rate)·o; tensor order A ⊗ B; Fock levels |0⟩…|N−1⟩."
        ),
        cases=cases,
    )
    with open(args.out, "w") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
