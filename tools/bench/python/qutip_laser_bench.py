#!/usr/bin/python3
"""QuTiP side of the exact-laser benchmark (tools/bench, `npm run bench:laser`).

    /usr/bin/python3 tools/bench/python/qutip_laser_bench.py --reps 3 --freqs 20

Problem: the superradiant laser with driven and undriven atoms, thesis Eq. (7.1), exact, at the
"bench" case of tools/reference/qutip_undriven_laser.py (N_d = 3, N_ud = 1, Fock cutoff 10,
Ω = 0.5, κ = 4, γ+ = 1, γ− = 0.05, γz = 0.1, ωc − ωs = 0): 160 states, Liouvillian 25 600 × 25 600.
The model (H, c_ops, the basis of thesis Eq. 4.24) is that script's `laser`, imported, not copied.

Timed, each the fastest of --reps calls (wall by perf_counter, CPU by process_time: all threads
of this process), after a warm-up on a small case:
  steadystate  qutip.steadystate(H, c_ops): QuTiP 4.7's default method='direct' (Liouvillian
               built inside the call, one sparse LU solve with the trace condition);
  spectrum     S(ω) = 2 Re Tr[a† (iω − L)⁻¹(aρ)] (thesis 7.15, QuTiP's convention) the way the
               fixture script does it: qutip.liouvillian(H, c_ops), qutip.steadystate(L), then
               one scipy.sparse.linalg.spsolve (SuperLU) of (iω − L) per frequency. QuTiP's own
               `spectrum` ('es' and 'pi') builds L densely (25 600² complex numbers, 10 GB) and
               cannot run at this size; the fixture script checks this sparse solve against
               spectrum(solver='pi') on a small case.
The frequencies are the fixture's grid: --freqs midpoints on [−1, 1]. The result is one line of
JSON on stdout (values at full precision); progress goes to stderr.
"""

import argparse
import importlib.util
import os
import sys
import time

from qutip_result import print_qutip_result

PARAMS = dict(Nd=3, Nud=1, cutoff=10, Omega=0.5, kappa=4.0, gammaPlus=1.0, gammaMinus=0.05, gammaZ=0.1, detuning=0.0)
SMALL = dict(Nd=1, Nud=1, cutoff=3, Omega=0.5, kappa=4.0, gammaPlus=1.0, gammaMinus=0.05, gammaZ=0.1, detuning=0.0)


def reference_module():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "..", "reference", "qutip_undriven_laser.py")
    spec = importlib.util.spec_from_file_location("qutip_undriven_laser", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def omega_grid(freqs):
    return [-1.0 + (k + 0.5) * 2.0 / freqs for k in range(freqs)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--freqs", type=int, default=20)
    args = parser.parse_args()

    def measure():
        import numpy as np
        import qutip

        ref = reference_module()

        def model(p):
            return ref.laser(p["Nd"], p["Nud"], p["cutoff"], p["Omega"], p["kappa"], p["gammaPlus"], p["gammaMinus"], p["gammaZ"], p["detuning"])

        def timed(f):
            best_wall, best_cpu, out = float("inf"), float("inf"), None
            for _ in range(args.reps):
                c0, t0 = time.process_time(), time.perf_counter()
                out = f()
                wall, cpu = time.perf_counter() - t0, time.process_time() - c0
                if wall < best_wall:
                    best_wall, best_cpu = wall, cpu
            return out, best_wall, best_cpu

        omega = omega_grid(args.freqs)

        def spectrum(H, c_ops, a, w):
            L = qutip.liouvillian(H, c_ops)
            rho = qutip.steadystate(L)
            return ref.sparse_spectrum(L, rho, a, w)

        H, c_ops, a, _ = model(SMALL)  # warm-up of every code path
        qutip.steadystate(H, c_ops)
        spectrum(H, c_ops, a, omega[:2])

        H, c_ops, a, ops = model(PARAMS)
        print(f"steadystate, best of {args.reps}", file=sys.stderr, flush=True)
        rho, ss_s, ss_cpu = timed(lambda: qutip.steadystate(H, c_ops))
        L = qutip.liouvillian(H, c_ops)
        print(f"steadystate {ss_s:.3f} s (CPU {ss_cpu:.3f} s); spectrum on {len(omega)} frequencies, best of {args.reps}", file=sys.stderr, flush=True)
        S, sp_s, sp_cpu = timed(lambda: spectrum(H, c_ops, a, omega))
        print(f"spectrum {sp_s:.3f} s (CPU {sp_cpu:.3f} s)", file=sys.stderr, flush=True)
        expect = {k: [float(np.real(qutip.expect(o, rho))), float(np.imag(qutip.expect(o, rho)))] for k, o in ops.items()}
        return [{
            "params": PARAMS,
            "hilbert_dim": int(H.shape[0]),
            "liouvillian_dim": int(L.shape[0]),
            "nnz": int(L.data.nnz),
            "reps": args.reps,
            "has_mkl": bool(getattr(qutip.settings, "has_mkl", False)),
            "steadystate_s": ss_s,
            "steadystate_cpu_s": ss_cpu,
            "expect": expect,
            "omega": omega,
            "spectrum_s": sp_s,
            "spectrum_cpu_s": sp_cpu,
            "S": [float(x) for x in S],
        }]

    print_qutip_result(PARAMS, measure)


if __name__ == "__main__":
    main()
