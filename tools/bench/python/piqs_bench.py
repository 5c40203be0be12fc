#!/usr/bin/python3
"""QuTiP PIQS side of the permutation-invariant steady-state benchmark (tools/bench).

    /usr/bin/python3 tools/bench/python/piqs_bench.py --sizes 10,20,40 --reps 3

Problem: the spin ensemble of thesis Eq. (4.52) with local dephasing,
    dρ/dt = (V/N) D[S−]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i] + γz D[σz_i])ρ,
V = 4, γ+ = 1, γ− = 0.2, γz = 0.1, in PIQS's rates: pumping = γ+, emission = γ−,
dephasing = 4γz (PIQS's jump is σz/2), collective_emission = V/N.

For each N: the time to build PIQS's Liouvillian (Dicke(...).liouvillian()), and the best of
--reps calls of steadystate(L, method='power', use_rcm=False) (the direct method fails on PIQS
Liouvillians with "Factor is exactly singular"), and ⟨Sz⟩, ⟨S+S−⟩ of the result.
The result is one line of JSON on stdout; progress goes to stderr.
"""

import argparse
import sys
import time

from qutip_result import print_qutip_result

PARAMS = {"V": 4.0, "gammaPlus": 1.0, "gammaMinus": 0.2, "gammaZ": 0.1}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10,20,40")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    def measure():
        import qutip
        from qutip import piqs

        cases = []
        for N in sizes:
            t0 = time.perf_counter()
            system = piqs.Dicke(
                N,
                pumping=PARAMS["gammaPlus"],
                emission=PARAMS["gammaMinus"],
                dephasing=4 * PARAMS["gammaZ"],
                collective_emission=PARAMS["V"] / N,
            )
            L = system.liouvillian()
            build_s = time.perf_counter() - t0
            best = float("inf")
            rho = None
            for _ in range(args.reps):
                t0 = time.perf_counter()
                rho = qutip.steadystate(L, method="power", use_rcm=False)
                best = min(best, time.perf_counter() - t0)
            Sz = float(qutip.expect(piqs.jspin(N, "z"), rho).real)
            SpSm = float(qutip.expect(piqs.jspin(N, "+") * piqs.jspin(N, "-"), rho).real)
            cases.append({
                "N": N,
                "nds": int(system.nds),
                "liouvillian_dim": int(L.shape[0]),
                "nnz": int(L.data.nnz),
                "build_s": build_s,
                "steady_s": best,
                "Sz": Sz,
                "SpSm": SpSm,
            })
            print(f"N = {N}: build {build_s:.3f} s, steadystate {best:.3f} s", file=sys.stderr, flush=True)
        return cases

    print_qutip_result(PARAMS, measure)


if __name__ == "__main__":
    main()
