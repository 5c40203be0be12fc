#!/usr/bin/python3
"""QuTiP side of the qsync benchmark: two coupled quantum vdP oscillators, thesis Eq. (4.8).

Run from the repository root with the system Python that has QuTiP 4.7:

    /usr/bin/python3 tools/bench/python/qutip_bench.py [--sizes 8,12,16] [--reps 200] > qutip-bench.json

Parameters are case pair_a of tools/reference/qutip_vdp.py: κ = κ2 = 1, κ1 = 3, δ = 0.5, V = 1,
start |α=1⟩⊗|α=i⟩ (coherent(N, α, method='analytic'), truncated, not renormalised).

For each Fock cutoff N (Hilbert dimension N², Liouvillian dimension N⁴) it measures
  build_ms   building H, the collapse operators and the CSR Liouvillian (qutip.liouvillian)
  rhs_ms     one Liouvillian–vector product, median over --reps single calls, with QuTiP's own
             CSR kernel (qutip.cy.spmatfuncs.spmv, the one mesolve's right-hand side uses);
             rhs_scipy_ms is the same with scipy's CSR @ dense vector
  mesolve_s  qutip.mesolve(L, ρ0, linspace(0, 20, 201), [], [a†b]) with atol 1e-8, rtol 1e-6:
             only the solver call is timed; L and ρ0 are built before
             mesolve_steps / mesolve_rhs_evaluations are ZVODE's own counters (NST, NFE) of that
             call, read from the scipy ode object mesolve creates (captured, not re-run)
  steady_s   qutip.steadystate(L, method='direct'), only the solver call, best of 3
and records the mesolve ⟨a†b⟩(t) and the steady-state ⟨a†b⟩ for accuracy comparison.
One JSON object goes to stdout, on one line; progress, and anything else that would write to
stdout (QuTiP's first-import calibration message), to stderr. N = 16 takes a few minutes.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

# The result gets the stdout this process was started with, alone. Everything else that writes
# to stdout goes to stderr with the progress lines: QuTiP 4.7 prints "Calibrating OpenMP
# threshold..." at its first import on a machine (when ~/.qutip/qutiprc has no openmp_thresh),
# and a C extension could write to file descriptor 1 directly, so the switch is made on the
# descriptors, before numpy and QuTiP are imported.
RESULT = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
sys.stdout.flush()
os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
sys.stdout.reconfigure(line_buffering=True)

import numpy as np  # noqa: E402 (after the stdout switch)
import scipy  # noqa: E402
import scipy.integrate  # noqa: E402
import qutip  # noqa: E402
from qutip.cy.spmatfuncs import spmv  # noqa: E402

PARAMS = {"kappa": 1.0, "kappa2": 1.0, "kappa1": 3.0, "delta": 0.5, "V": 1.0}
ALPHA = 1.0
BETA = 1j
T_END = 20.0
N_T = 201
ATOL = 1e-8
RTOL = 1e-6


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def build(N):
    """H, collapse operators and Liouvillian of Eq. (4.8) plus the a, b operators."""
    a = qutip.tensor(qutip.destroy(N), qutip.qeye(N))
    b = qutip.tensor(qutip.qeye(N), qutip.destroy(N))
    p = PARAMS
    H = 0.5 * p["delta"] * (a.dag() * a - b.dag() * b)
    c_ops = [
        np.sqrt(p["kappa1"]) * a.dag(), np.sqrt(p["kappa1"]) * b.dag(),
        np.sqrt(p["kappa"]) * a, np.sqrt(p["kappa"]) * b,
        np.sqrt(p["kappa2"]) * (a * a), np.sqrt(p["kappa2"]) * (b * b),
        np.sqrt(p["V"]) * (a - b),
    ]
    L = qutip.liouvillian(H, c_ops)
    return L, a, b


class _RecordingOde(scipy.integrate.ode):
    """scipy.integrate.ode that remembers its instances, so ZVODE's counters can be read after mesolve."""

    instances = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _RecordingOde.instances.append(self)


def mesolve_counting(L, rho0, tlist, e_ops, opts):
    """qutip.mesolve with scipy.integrate.ode swapped for _RecordingOde during the call.

    Returns (result, steps, rhs_evaluations) from ZVODE's IWORK(11) = NST and IWORK(12) = NFE.
    The subclass only records itself at construction, so the integration itself is untouched.
    """
    original = scipy.integrate.ode
    _RecordingOde.instances.clear()
    scipy.integrate.ode = _RecordingOde
    try:
        res = qutip.mesolve(L, rho0, tlist, [], e_ops, options=opts)
    finally:
        scipy.integrate.ode = original
    if len(_RecordingOde.instances) != 1:
        return res, None, None
    iwork = _RecordingOde.instances[0]._integrator.iwork
    return res, int(iwork[10]), int(iwork[11])


def median_ms(fn, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def bench_size(N, reps):
    log(f"N={N}: build")
    t0 = time.perf_counter()
    L, a, b = build(N)
    build_ms = (time.perf_counter() - t0) * 1e3
    adagb = a.dag() * b

    psi0 = qutip.tensor(
        qutip.coherent(N, ALPHA, method="analytic"),
        qutip.coherent(N, BETA, method="analytic"),
    )
    rho0 = qutip.ket2dm(psi0)
    csr = L.data
    vec = np.ascontiguousarray(qutip.operator_to_vector(rho0).full().ravel())

    log(f"N={N}: spmv x{reps}")
    spmv(csr, vec)  # warm-up
    rhs_ms = median_ms(lambda: spmv(csr, vec), reps)
    rhs_scipy_ms = median_ms(lambda: csr @ vec, reps)

    log(f"N={N}: mesolve")
    tlist = np.linspace(0.0, T_END, N_T)
    opts = qutip.Options(atol=ATOL, rtol=RTOL, nsteps=10**7)
    t0 = time.perf_counter()
    res, steps, nfe = mesolve_counting(L, rho0, tlist, [adagb], opts)
    mesolve_s = time.perf_counter() - t0
    e = np.asarray(res.expect[0])

    log(f"N={N}: steadystate x3")
    # Best of three, as on the qsync side.
    steady_s = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        rho_ss = qutip.steadystate(L, method="direct")
        steady_s = min(steady_s, time.perf_counter() - t0)
    ss = complex(qutip.expect(adagb, rho_ss))

    return {
        "N": N,
        "dim": N * N,
        "liouvillian_dim": N ** 4,
        "nnz": int(csr.nnz),
        "build_ms": build_ms,
        "rhs_ms": rhs_ms,
        "rhs_scipy_ms": rhs_scipy_ms,
        "rhs_reps": reps,
        "mesolve_s": mesolve_s,
        "mesolve_steps": steps,
        "mesolve_rhs_evaluations": nfe,
        "steady_s": steady_s,
        "mesolve_t_end": T_END,
        "mesolve_n_t": N_T,
        "mesolve_expect_re": [float(x) for x in e.real],
        "mesolve_expect_im": [float(x) for x in e.imag],
        "steady_adagb": [ss.real, ss.imag],
    }


def main():
    ap = argparse.ArgumentParser(description="QuTiP benchmark for two coupled quantum vdP oscillators")
    ap.add_argument("--sizes", default="8,12,16", help="comma-separated Fock cutoffs N (default 8,12,16)")
    ap.add_argument("--reps", type=int, default=200, help="single spmv calls per size for the median (default 200)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not sizes or any(n < 2 for n in sizes):
        ap.error(f"--sizes must list integers >= 2, got {args.sizes!r}")
    if args.reps < 1:
        ap.error(f"--reps must be >= 1, got {args.reps}")

    # Warm-up: first mesolve/steadystate calls pay one-off import and setup costs.
    Lw, aw, bw = build(2)
    qutip.mesolve(Lw, qutip.ket2dm(qutip.tensor(qutip.basis(2, 0), qutip.basis(2, 1))),
                  [0.0, 0.1], [], [aw.dag() * bw])
    qutip.steadystate(Lw, method="direct")

    cases = [bench_size(N, args.reps) for N in sizes]
    out = {
        "qutip_version": qutip.__version__,
        "numpy_version": np.__version__,
        "scipy_version": scipy.__version__,
        "python_version": platform.python_version(),
        "machine": os.cpu_count(),
        "platform": platform.platform(),
        "params": {**PARAMS, "alpha": [ALPHA, 0.0], "beta": [BETA.real, BETA.imag],
                   "atol": ATOL, "rtol": RTOL},
        "cases": cases,
    }
    RESULT.write(json.dumps(out) + "\n")
    RESULT.flush()


if __name__ == "__main__":
    main()
