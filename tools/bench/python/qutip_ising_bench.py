"""QuTiP 4.7 side of `npm run bench:cumulants`: the dissipative Ising chain of QuantumCumulants.jl
issue #294 solved exactly with mesolve.

6 spins-1/2, H = -J sum sz_i sz_{i+1} - hx sum sx_i, jumps sqrt(gamma) sm_i, all spins up,
t in [0, t_end] at n_t output times. Prints one line of JSON (see qutip_result.py): the fastest
of --reps runs of mesolve (building H and the collapse operators included) and <sz> of the
central spin (index 2) at the output times.

Usage: /usr/bin/python3 qutip_ising_bench.py [--reps 3] [--rtol 1e-6] [--atol 1e-8]
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qutip_result import print_qutip_result  # noqa: E402

N, J, HX, GAMMA, T_END, N_T = 6, 1.0, 1.0, 0.2, 20.0, 201


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--rtol", type=float, default=1e-6)
    parser.add_argument("--atol", type=float, default=1e-8)
    args = parser.parse_args()

    def measure():
        import numpy as np
        import qutip as qt

        def site(op, i):
            return qt.tensor([op if k == i else qt.qeye(2) for k in range(N)])

        best = float("inf")
        sz_central = None
        for rep in range(args.reps):
            print(f"mesolve run {rep + 1} of {args.reps}", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            h = sum(-J * site(qt.sigmaz(), i) * site(qt.sigmaz(), i + 1) for i in range(N - 1))
            h += sum(-HX * site(qt.sigmax(), i) for i in range(N))
            c_ops = [np.sqrt(GAMMA) * site(qt.sigmam(), i) for i in range(N)]
            # QuTiP's basis(2, 0) is the +1 eigenstate of sigmaz ("up"); sigmam lowers it
            psi0 = qt.tensor([qt.basis(2, 0)] * N)
            tlist = np.linspace(0.0, T_END, N_T)
            opts = qt.Options(rtol=args.rtol, atol=args.atol)
            result = qt.mesolve(h, psi0, tlist, c_ops, [site(qt.sigmaz(), 2)], options=opts)
            best = min(best, time.perf_counter() - t0)
            sz_central = [float(x) for x in result.expect[0]]
        return [{"seconds": best, "sz": sz_central}]

    params = {"n": N, "J": J, "hx": HX, "gamma": GAMMA, "t_end": T_END, "n_t": N_T, "rtol": args.rtol, "atol": args.atol, "reps": args.reps}
    print_qutip_result(params, measure)


if __name__ == "__main__":
    main()
