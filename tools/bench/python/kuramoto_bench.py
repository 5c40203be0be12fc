#!/usr/bin/python3
"""NumPy side of the Kuramoto benchmark: Euler–Maruyama steps of thesis Eq. (2.29).

    /usr/bin/python3 tools/bench/python/kuramoto_bench.py [--sizes 4096,16384,65536] [--steps 400] [--reps 5]

The scheme is the one qsync's `createSdeStepper(kuramoto(...).system, ..., { method: 'euler-maruyama' })`
runs, vectorized over the N oscillators of one realization, with every buffer preallocated:

    c, s  = cos φ, sin φ                                (np.cos, np.sin into buffers)
    z     = mean(c) + i mean(s)                         (Eq. 2.30)
    f     = ω + V (Im z · c − Re z · s)                 (Eq. 2.31)
    ΔW    = √dt · rng.standard_normal(N)                (numpy default_rng: PCG64 + ziggurat)
    φ    += dt f + σ ΔW

Parameters (same as the qsync side): V = 1.5, G = 0.5 (random Lorentzian ω), σ = 0.5, dt = 0.01,
uniform random initial phases. For every N: `--reps` timed runs of `--steps` steps after a
warm-up of 50 steps; steps_per_second is from the fastest run (the least disturbed by other
processes). The split times the parts alone over the same number of steps, as the qsync side
does: the drift (cos, sin, z, f), within it cos + sin alone, the normals, and the rest of the
step (step − drift − normals: scaling ΔW and the update). One JSON object goes to stdout, on one
line; progress, and anything else that would write to stdout, to stderr.
"""

import argparse
import json
import os
import platform
import sys
import time

# The result gets the stdout this process was started with, alone; anything else written to
# stdout, by Python or by a C extension on file descriptor 1, goes to stderr (as in
# qutip_bench.py, whose QuTiP prints on its first import).
RESULT = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
sys.stdout.flush()
os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
sys.stdout.reconfigure(line_buffering=True)

import numpy as np  # noqa: E402 (after the stdout switch)

V = 1.5
G = 0.5
SIGMA = 0.5
DT = 0.01


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def make_state(n, seed):
    rng = np.random.default_rng(seed)
    phi = rng.uniform(0.0, 2.0 * np.pi, n)
    omega = G * np.tan(np.pi * (rng.uniform(0.0, 1.0, n) - 0.5))
    return rng, phi, omega


def bench_size(n, steps, reps):
    rng, phi, omega = make_state(n, 1)
    c = np.empty(n)
    s = np.empty(n)
    f = np.empty(n)
    tmp = np.empty(n)
    dw = np.empty(n)
    sq = np.sqrt(DT)

    def drift():
        np.cos(phi, out=c)
        np.sin(phi, out=s)
        zr = c.mean()
        zi = s.mean()
        # f = ω + V (Im z c − Re z s)
        np.multiply(c, V * zi, out=f)
        np.multiply(s, V * zr, out=tmp)
        np.subtract(f, tmp, out=f)
        np.add(f, omega, out=f)

    def step():
        drift()
        rng.standard_normal(out=dw)
        # φ += dt f + σ √dt ΔW
        np.multiply(f, DT, out=f)
        np.multiply(dw, SIGMA * sq, out=dw)
        np.add(phi, f, out=phi)
        np.add(phi, dw, out=phi)

    for _ in range(50):
        step()
    runs = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(steps):
            step()
        runs.append(time.perf_counter() - t0)
    best = min(runs)

    def timed(fn):
        best_t = float("inf")
        for _ in range(reps):
            t0 = time.perf_counter()
            for _ in range(steps):
                fn()
            best_t = min(best_t, time.perf_counter() - t0)
        return best_t / steps

    drift_t = timed(drift)
    trig = timed(lambda: (np.cos(phi, out=c), np.sin(phi, out=s)))
    normals = timed(lambda: rng.standard_normal(out=dw))
    step_s = best / steps
    z = np.exp(1j * phi).mean()
    return {
        "N": n,
        "steps": steps,
        "reps": reps,
        "step_us": step_s * 1e6,
        "steps_per_second": 1.0 / step_s,
        "run_s": runs,
        "drift_us": drift_t * 1e6,
        "trig_us": trig * 1e6,
        "normals_us": normals * 1e6,
        "rest_us": max(0.0, step_s - drift_t - normals) * 1e6,
        "final_r": float(abs(z)),
    }


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="4096,16384,65536")
    p.add_argument("--steps", type=int, default=400)
    p.add_argument("--reps", type=int, default=5)
    a = p.parse_args()
    sizes = [int(x) for x in a.sizes.split(",") if x.strip()]
    cases = []
    for n in sizes:
        log(f"N = {n}")
        cases.append(bench_size(n, a.steps, a.reps))
        log(f"  {cases[-1]['steps_per_second']:.0f} steps/s")
    result = {
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "params": {"V": V, "G": G, "sigma": SIGMA, "dt": DT},
        "cases": cases,
    }
    RESULT.write(json.dumps(result) + "\n")
    RESULT.flush()


if __name__ == "__main__":
    main()
