#!/usr/bin/python3
"""QuTiP reference data for the quantum van-der-Pol oscillator (thesis Ch. 4.1).

Regenerates test/fixtures/qutip-vdp.json. Run from the repository root with the
system Python that has QuTiP 4.7 (Debian's python3-qutip), not a venv python:

    /usr/bin/python3 tools/reference/qutip_vdp.py

It takes about two minutes on two cores. Options: --out PATH writes elsewhere (default
test/fixtures/qutip-vdp.json relative to the repository root).

Models
------
Single oscillator, thesis Eq. (4.1):
    dρ/dt = −i[ω a†a, ρ] + κ1 D[a†]ρ + κ2 D[a²]ρ + κ D[a]ρ
Two coupled oscillators, thesis Eq. (4.8), a = destroy(N)⊗I, b = I⊗destroy(N):
    dρ/dt = κ1(D[a†]+D[b†])ρ + κ(D[a]+D[b])ρ + κ2(D[a²]+D[b²])ρ
            − i(δ/2)[a†a − b†b, ρ] + V D[a−b]ρ
with D[o]ρ = oρo† − ½{o†o, ρ}. Every operator is the N-level truncated matrix
(a† is the transpose of the truncated a, so a†|N−1⟩ = 0: gain cannot leave the
truncated space). Tensor order is A ⊗ B, Fock index of A is the slow one.

Every float is rounded to 15 significant digits. Complex numbers are stored as
separate *_re / *_im arrays or as [re, im] pairs, as noted next to each key.
"""

import argparse
import json
import os
import platform
import sys

import numpy as np
import scipy
import scipy.sparse
import qutip

SIG_DIGITS = 15


def rnd(x):
    """Round a float (or nested list/array of floats) to SIG_DIGITS significant digits."""
    if isinstance(x, (list, tuple, np.ndarray)):
        return [rnd(v) for v in x]
    if isinstance(x, (complex, np.complexfloating)):
        return [rnd(x.real), rnd(x.imag)]
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    return float(f"{float(x):.{SIG_DIGITS}g}")


def cplx(z):
    """[re, im] pair of a complex scalar, rounded."""
    z = complex(z)
    return [rnd(z.real), rnd(z.imag)]


# --------------------------------------------------------------------------
# model builders
# --------------------------------------------------------------------------

def pair_ops(N):
    a = qutip.tensor(qutip.destroy(N), qutip.qeye(N))
    b = qutip.tensor(qutip.qeye(N), qutip.destroy(N))
    return a, b


def pair_model(p, N):
    """Hamiltonian and collapse operators of Eq. (4.8)."""
    a, b = pair_ops(N)
    H = 0.5 * p["delta"] * (a.dag() * a - b.dag() * b)
    c_ops = []
    for rate, ops in (
        (p["kappa1"], (a.dag(), b.dag())),
        (p["kappa"], (a, b)),
        (p["kappa2"], (a * a, b * b)),
        (p["V"], (a - b,)),
    ):
        if rate != 0:
            c_ops.extend(np.sqrt(rate) * o for o in ops)
    return H, c_ops, a, b


def single_model(p, N):
    """Hamiltonian and collapse operators of Eq. (4.1)."""
    a = qutip.destroy(N)
    H = p["omega"] * a.dag() * a
    c_ops = []
    for rate, o in ((p["kappa1"], a.dag()), (p["kappa2"], a * a), (p["kappa"], a)):
        if rate != 0:
            c_ops.append(np.sqrt(rate) * o)
    return H, c_ops, a


def residual(L, rho):
    """2-norm of L vec(ρ) (= Frobenius norm of the matrix dρ/dt)."""
    v = qutip.operator_to_vector(rho).full().ravel()
    return float(np.linalg.norm(L.data @ v))


def steady(H, c_ops, cross_methods=("power", "eigen")):
    """Steady state by 'direct' LU plus cross-checks with other qutip methods."""
    L = qutip.liouvillian(H, c_ops)
    rho = qutip.steadystate(L, method="direct")
    checks = []
    for m in cross_methods:
        rho_x = qutip.steadystate(L, method=m)
        checks.append({
            "method": m,
            "max_abs_diff": rnd(float(np.max(np.abs(rho.full() - rho_x.full())))),
            "residual_norm_Lrho": rnd(residual(L, rho_x)),
        })
    return L, rho, {
        "method": "direct",
        "residual_norm_Lrho": rnd(residual(L, rho)),
        "trace": rnd(rho.tr().real),
        "crosschecks": checks,
    }


def pauli_populations(p, N):
    """Independent check of a single-oscillator steady state (diagonal by U(1)):
    null vector of the classical rate matrix on the N truncated Fock levels,
    rates n→n+1: κ1(n+1) for n < N−1, n→n−1: κ n, n→n−2: κ2 n(n−1)."""
    W = np.zeros((N, N))
    for n in range(N):
        if n + 1 < N:
            W[n + 1, n] += p["kappa1"] * (n + 1)
            W[n, n] -= p["kappa1"] * (n + 1)
        if n >= 1:
            W[n - 1, n] += p["kappa"] * n
            W[n, n] -= p["kappa"] * n
        if n >= 2:
            W[n - 2, n] += p["kappa2"] * n * (n - 1)
            W[n, n] -= p["kappa2"] * n * (n - 1)
    # replace one balance equation by normalisation
    A = W.copy()
    A[0, :] = 1.0
    rhs = np.zeros(N)
    rhs[0] = 1.0
    return np.linalg.solve(A, rhs)


def expm_expect(L, rho0, t, ops):
    """Independent propagation check: ρ(t) = exp(L t) vec(ρ0) by scipy's
    expm_multiply on the same equally spaced grid, then Tr(O ρ(t))."""
    import scipy.sparse.linalg as sla
    v0 = qutip.operator_to_vector(rho0).full().ravel()
    vs = sla.expm_multiply(L.data.tocsc(), v0, start=t[0], stop=t[-1], num=t.size, endpoint=True)
    n = rho0.shape[0]
    # column-stacked vec: ρ[i, j] = v[i + n j]; Tr(Oρ) = Σ_ij O[j, i] ρ[i, j] = Σ_k O.T.ravel('F')[k] v[k]
    return [vs @ o.full().T.ravel(order="F") for o in ops]


def mesolve_opts(atol, rtol):
    return qutip.Options(atol=atol, rtol=rtol, nsteps=10**7)


# --------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------

def pair_case(name, p, N, alpha, beta, t_end, n_t):
    print(f"[{name}] steady state N={N}", file=sys.stderr, flush=True)
    H, c_ops, a, b = pair_model(p, N)
    L, rho_ss, ss_info = steady(H, c_ops)
    adagb = qutip.expect(a.dag() * b, rho_ss)
    ss = {
        "adagb": cplx(adagb),
        "n_a": rnd(qutip.expect(a.dag() * a, rho_ss)),
        "n_b": rnd(qutip.expect(b.dag() * b, rho_ss)),
        "rho_A_top_level_population": rnd(rho_ss.ptrace(0).full()[N - 1, N - 1].real),
        **ss_info,
    }
    # Truncation check: the same steady state two Fock levels higher.
    H2, c2, a2, b2 = pair_model(p, N + 2)
    rho2 = qutip.steadystate(qutip.liouvillian(H2, c2), method="direct")
    ss["truncation_check"] = {
        "N": N + 2,
        "adagb": cplx(qutip.expect(a2.dag() * b2, rho2)),
        "n_a": rnd(qutip.expect(a2.dag() * a2, rho2)),
    }

    print(f"[{name}] mesolve", file=sys.stderr, flush=True)
    psi_a = qutip.coherent(N, alpha, method="analytic")
    psi_b = qutip.coherent(N, beta, method="analytic")
    psi0 = qutip.tensor(psi_a, psi_b)
    rho0 = qutip.ket2dm(psi0)
    t = np.linspace(0.0, t_end, n_t)
    eye = qutip.tensor(qutip.qeye(N), qutip.qeye(N))
    atol, rtol = 1e-12, 1e-10
    res = qutip.mesolve(
        H, rho0, t, c_ops, [a.dag() * b, a.dag() * a, b.dag() * b, eye],
        options=mesolve_opts(atol, rtol),
    )
    e_adagb, e_na, e_nb, e_tr = (np.asarray(e) for e in res.expect)
    x_adagb, x_na = expm_expect(L, rho0, t, [a.dag() * b, a.dag() * a])
    check = float(max(np.max(np.abs(e_adagb - x_adagb)), np.max(np.abs(e_na - x_na))))
    return {
        "model": "pair Eq. (4.8)",
        "params": {**p, "N": N},
        "dim_hilbert": N * N,
        "steady": ss,
        "mesolve": {
            "initial_state": "coherent(N, alpha, method='analytic') ⊗ coherent(N, beta, method='analytic'),"
                             " truncated Fock expansion exp(-|α|²/2) Σ_{n<N} αⁿ/√n! |n⟩, NOT renormalised;"
                             " ρ0 = |ψ0⟩⟨ψ0|",
            "alpha": cplx(alpha),
            "beta": cplx(beta),
            "initial_norm_psi": rnd(psi0.norm()),
            "initial_trace_rho": rnd(rho0.tr().real),
            "solver": "qutip.mesolve (zvode adams)",
            "atol": atol,
            "rtol": rtol,
            "t": rnd(t),
            "adagb_re": rnd(e_adagb.real),
            "adagb_im": rnd(e_adagb.imag),
            "n_a": rnd(np.real(e_na)),
            "n_b": rnd(np.real(e_nb)),
            "trace": rnd(np.real(e_tr)),
            "expm_multiply_max_abs_diff": rnd(check),
        },
    }, rho_ss


def single_case(p, N, alpha, t_end, n_t):
    name = "single_c"
    print(f"[{name}] steady state N={N}", file=sys.stderr, flush=True)
    H, c_ops, a = single_model(p, N)
    L, rho_ss, ss_info = steady(H, c_ops)
    pops = np.real(np.diag(rho_ss.full()))
    pauli = pauli_populations(p, N)
    print(f"[{name}] mesolve", file=sys.stderr, flush=True)
    psi0 = qutip.coherent(N, alpha, method="analytic")
    rho0 = qutip.ket2dm(psi0)
    t = np.linspace(0.0, t_end, n_t)
    atol, rtol = 1e-12, 1e-10
    res = qutip.mesolve(H, rho0, t, c_ops, [a, a.dag() * a], options=mesolve_opts(atol, rtol))
    e_a, e_n = (np.asarray(e) for e in res.expect)
    x_a, x_n = expm_expect(L, rho0, t, [a, a.dag() * a])
    check = float(max(np.max(np.abs(e_a - x_a)), np.max(np.abs(e_n - x_n))))
    return {
        "model": "single Eq. (4.1)",
        "params": {**p, "N": N},
        "steady": {
            "populations": rnd(pops),
            "n": rnd(qutip.expect(a.dag() * a, rho_ss)),
            "max_abs_offdiag": rnd(np.max(np.abs(rho_ss.full() - np.diag(np.diag(rho_ss.full()))))),
            "pauli_rate_equation_max_abs_diff": rnd(np.max(np.abs(pops - pauli))),
            **ss_info,
        },
        "mesolve": {
            "initial_state": "coherent(N, alpha, method='analytic'), not renormalised",
            "alpha": cplx(alpha),
            "initial_norm_psi": rnd(psi0.norm()),
            "atol": atol,
            "rtol": rtol,
            "t": rnd(t),
            "a_re": rnd(e_a.real),
            "a_im": rnd(e_a.imag),
            "n": rnd(np.real(e_n)),
            "expm_multiply_max_abs_diff": rnd(check),
        },
    }


def quantum_limit_case(N, kappa2_values):
    out = []
    for k2 in kappa2_values:
        p = {"omega": 0.0, "kappa": 0.0, "kappa1": 1.0, "kappa2": k2}
        print(f"[quantum_limit_d] kappa2={k2}", file=sys.stderr, flush=True)
        H, c_ops, a = single_model(p, N)
        L, rho_ss, ss_info = steady(H, c_ops)
        pops = np.real(np.diag(rho_ss.full()))
        pauli = pauli_populations(p, N)
        out.append({
            "params": {**p, "N": N},
            "populations": rnd(pops),
            "n": rnd(qutip.expect(a.dag() * a, rho_ss)),
            "pauli_rate_equation_populations": rnd(pauli),
            "pauli_rate_equation_max_abs_diff": rnd(np.max(np.abs(pops - pauli))),
            **ss_info,
        })
    return {
        "model": "single Eq. (4.1), quantum limit κ = 0, κ2 ≫ κ1 (ω = 0: the steady state does not depend on ω)",
        "limit_populations": [2.0 / 3.0, 1.0 / 3.0],
        "cases": out,
    }


def qfunc_case(rho_pair, N, grid):
    print("[qfunc_e]", file=sys.stderr, flush=True)
    rho_a = rho_pair.ptrace(0)
    g = 2.0
    Q = qutip.qfunc(rho_a, grid, grid, g=g)  # Q[iy, ix]
    # Independent evaluation of (1/π)⟨α|ρ_A|α⟩ on the same points.
    alpha_re, alpha_im, q_direct = [], [], []
    for ip, pv in enumerate(grid):
        for ix, xv in enumerate(grid):
            al = 0.5 * g * (xv + 1j * pv)
            ket = qutip.coherent(N, al, method="analytic")
            alpha_re.append(al.real)
            alpha_im.append(al.imag)
            q_direct.append((ket.dag() * rho_a * ket).tr().real / np.pi)
    q_qutip = Q.ravel()  # row-major over (p, x): x fastest
    return {
        "state": "ptrace over B (keep A) of the case pair_a steady state (N = 12)",
        "call": "qutip.qfunc(rho_A, xvec, pvec, g=2)",
        "convention": (
            "QuTiP 4.7 qfunc evaluates at alpha = 0.5*g*(x + i*p), so with g = 2 alpha = x + i*p exactly, "
            "and returns (g/2)^2 * (1/pi) <alpha|rho|alpha> with |alpha> the N-level truncated coherent state "
            "(coherent(N, alpha, method='analytic')); with g = 2 the factor (g/2)^2 is 1, so the values are "
            "already Q(alpha) = (1/pi) <alpha|rho|alpha> of thesis Eq. (4.4), no conversion needed. "
            "QuTiP's output array is indexed Q[ip, ix] (rows = p); it is flattened here row-major, x fastest, "
            "and each value has its alpha listed at the same index."
        ),
        "xvec": rnd(grid),
        "pvec": rnd(grid),
        "alpha_re": rnd(alpha_re),
        "alpha_im": rnd(alpha_im),
        "Q": rnd(q_qutip),
        "Q_direct_max_abs_diff": rnd(np.max(np.abs(q_qutip - np.asarray(q_direct)))),
        "rho_A_populations": rnd(np.real(np.diag(rho_a.full()))),
    }


def spectrum_case(p, N, k):
    print("[liouvillian_spectrum_f]", file=sys.stderr, flush=True)
    H, c_ops, _, _ = pair_model(p, N)
    L = qutip.liouvillian(H, c_ops).full()
    ev = np.linalg.eigvals(L)
    # sort by real part descending; ties (within 1e-9) by imaginary part ascending
    order = sorted(range(ev.size), key=lambda i: (-round(ev[i].real, 9), ev[i].imag))
    ev = ev[order]
    return {
        "model": "pair Eq. (4.8), case pair_a parameters",
        "params": {**p, "N": N},
        "liouvillian_dim": int(L.shape[0]),
        "method": "numpy.linalg.eigvals(qutip.liouvillian(H, c_ops).full())",
        "ordering": "real part descending, ties (|Δre| < 1e-9) by imaginary part ascending; "
                    "compare as a multiset, the order among equal real parts is not meaningful",
        "count": k,
        "re": rnd(ev[:k].real),
        "im": rnd(ev[:k].imag),
        "next_re": rnd(ev[k].real),
        "max_abs_re_of_largest": rnd(abs(ev[0].real)),
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(root, "test", "fixtures", "qutip-vdp.json"))
    args = ap.parse_args()

    p_a = {"kappa": 1.0, "kappa2": 1.0, "kappa1": 3.0, "delta": 0.5, "V": 1.0}
    # κ2 = 0.5 rather than 0.2: at κ2 = 0.2 (⟨a†a⟩ ≈ 3.15) ⟨a†b⟩ needs N ≈ 18 to converge.
    p_b = {"kappa": 0.5, "kappa2": 0.5, "kappa1": 2.0, "delta": 1.3, "V": 0.7}
    p_c = {"omega": 4.0, "kappa1": 4.0, "kappa": 1.0, "kappa2": 0.5}

    case_a, rho_a_ss = pair_case("pair_a", p_a, 12, 1.0, 1j, 20.0, 201)
    case_b, _ = pair_case("pair_b", p_b, 12, 0.8, -0.5 + 0.5j, 10.0, 101)
    case_c = single_case(p_c, 20, 2.0, 3.0, 61)
    case_d = quantum_limit_case(6, [1e4, 1e2])
    case_e = qfunc_case(rho_a_ss, 12, np.array([-2.0, -1.0, 0.0, 1.0, 2.0]))
    case_f = spectrum_case(p_a, 4, 8)

    data = {
        "generator": "tools/reference/qutip_vdp.py (run: /usr/bin/python3 tools/reference/qutip_vdp.py)",
        "qutip_version": qutip.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "significant_digits": SIG_DIGITS,
        "conventions": {
            "dissipator": "D[o]ρ = oρo† − ½{o†o, ρ}",
            "truncation": "Fock levels |0⟩..|N−1⟩; a = destroy(N), a† = its adjoint (a†|N−1⟩ = 0)",
            "tensor_order": "A ⊗ B, a = destroy(N)⊗I, b = I⊗destroy(N)",
            "collapse_operators_pair": "√κ1 a†, √κ1 b†, √κ a, √κ b, √κ2 a², √κ2 b², √V (a−b); H = (δ/2)(a†a − b†b)",
            "collapse_operators_single": "√κ1 a†, √κ2 a², √κ a; H = ω a†a (zero rates are omitted)",
            "residual_norm_Lrho": "2-norm of L·vec(ρ), i.e. Frobenius norm of dρ/dt at the steady state",
            "complex": "[re, im] pairs or parallel *_re / *_im arrays",
        },
        "cases": {
            "pair_a": case_a,
            "pair_b": case_b,
            "single_c": case_c,
            "quantum_limit_d": case_d,
            "qfunc_e": case_e,
            "liouvillian_spectrum_f": case_f,
        },
    }
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
