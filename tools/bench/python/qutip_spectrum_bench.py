#!/usr/bin/python3
"""QuTiP side of the steady-state spectrum benchmark (tools/bench, `npm run bench:spectrum`).

    /usr/bin/python3 tools/bench/python/qutip_spectrum_bench.py --sizes 6,8 --pi-freqs 3

Problem: two coupled quantum vdP oscillators, thesis Eq. (4.8), κ = κ2 = 1, κ1 = 3, δ = 5,
V = 2 (Fig. 4.4's parameters), Fock cutoff N each; S_A(ω) = spectrum(H, w, c_ops, a†, a) on
--freqs frequencies on [−10, 10] (thesis Eq. 4.12).

For each N: one timed call of spectrum(..., solver='es') on all frequencies (it diagonalises
the whole Liouvillian once, densely, then sums over its eigenvalues at every ω), and one timed
call of spectrum(..., solver='pi') on --pi-freqs of them (a dense solve of the N⁴×N⁴ system per
frequency; its time per frequency is scaled to all frequencies by the harness, and said so).
Both include QuTiP's Liouvillian and steady state, as the calls do. The result is one line of
JSON on stdout; progress goes to stderr.
"""

import argparse
import sys
import time

from qutip_result import print_qutip_result

PARAMS = {"kappa": 1.0, "kappa1": 3.0, "kappa2": 1.0, "delta": 5.0, "V": 2.0, "omegaMax": 10.0}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="6,8")
    parser.add_argument("--freqs", type=int, default=121)
    parser.add_argument("--pi-freqs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    def measure():
        import numpy as np
        import qutip

        def model(N):
            p = PARAMS
            a = qutip.tensor(qutip.destroy(N), qutip.qeye(N))
            b = qutip.tensor(qutip.qeye(N), qutip.destroy(N))
            H = 0.5 * p["delta"] * (a.dag() * a - b.dag() * b)
            c_ops = [np.sqrt(p["kappa1"]) * a.dag(), np.sqrt(p["kappa1"]) * b.dag(),
                     np.sqrt(p["kappa"]) * a, np.sqrt(p["kappa"]) * b,
                     np.sqrt(p["kappa2"]) * a * a, np.sqrt(p["kappa2"]) * b * b,
                     np.sqrt(p["V"]) * (a - b)]
            return H, c_ops, a

        w = np.linspace(-PARAMS["omegaMax"], PARAMS["omegaMax"], args.freqs)
        H, c_ops, a = model(2)  # warm-up of every code path
        qutip.spectrum(H, w[:2], c_ops, a.dag(), a, solver="es")
        qutip.spectrum(H, w[:2], c_ops, a.dag(), a, solver="pi")

        cases = []
        for N in sizes:
            H, c_ops, a = model(N)
            L = qutip.liouvillian(H, c_ops)
            print(f"N = {N}: es on {len(w)} frequencies", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            s_es = qutip.spectrum(H, w, c_ops, a.dag(), a, solver="es")
            es_s = time.perf_counter() - t0
            # pi on frequencies spread over the grid (its cost does not depend on ω)
            picks = np.unique(np.linspace(0, len(w) - 1, args.pi_freqs + 2).round().astype(int)[1:-1])
            print(f"N = {N}: es {es_s:.2f} s; pi on {len(picks)} frequencies", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            s_pi = qutip.spectrum(H, w[picks], c_ops, a.dag(), a, solver="pi")
            pi_s = time.perf_counter() - t0
            print(f"N = {N}: pi {pi_s:.2f} s", file=sys.stderr, flush=True)
            cases.append({
                "N": N,
                "liouvillian_dim": int(L.shape[0]),
                "nnz": int(L.data.nnz),
                "freqs": len(w),
                "es_s": es_s,
                "pi_freqs": len(picks),
                "pi_s": pi_s,
                "omega": w.tolist(),
                "S_es": s_es.tolist(),
                "pi_index": picks.tolist(),
                "S_pi": s_pi.tolist(),
            })
        return cases

    print_qutip_result(PARAMS, measure)


if __name__ == "__main__":
    main()
